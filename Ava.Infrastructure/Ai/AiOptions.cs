namespace Ava.Infrastructure.Ai;

/// <summary>Which model answers: the offline generator unless a provider is configured.</summary>
public enum AiProviderKind
{
    Offline = 0,
    AzureOpenAI = 1,
    OpenAI = 2,
}

/// <summary>The <c>Ai</c> section. The names are part of the contract (<c>Ai__OpenAI__Endpoint</c>, …).</summary>
public sealed class AiOptions
{
    public const string Section = "Ai";

    public AiProviderKind Provider { get; set; } = AiProviderKind.Offline;

    /// <summary>How long one HTTP attempt may take before the SDK gives up on it (and retries, if retries are left).</summary>
    public int TimeoutSeconds { get; set; } = 100;

    /// <summary>The SDK's own retries on 429 and 5xx (honouring Retry-After): the only retry layer for transport errors.</summary>
    public int MaxRetries { get; set; } = 3;

    public AzureOpenAIOptions AzureOpenAI { get; set; } = new();

    public OpenAIOptions OpenAI { get; set; } = new();

    public AiRateLimitOptions RateLimit { get; set; } = new();

    public ScreeningOptions Screening { get; set; } = new();
}

public sealed class AzureOpenAIOptions
{
    /// <summary>The resource, e.g. https://my-resource.openai.azure.com/.</summary>
    public string? Endpoint { get; set; }

    public string? Deployment { get; set; }

    /// <summary>A key from the environment or user secrets; without one, managed identity (Azure.Identity) is used.</summary>
    public string? ApiKey { get; set; }
}

public sealed class OpenAIOptions
{
    /// <summary>The base URL of any OpenAI-compatible API (e.g. http://localhost:11434/v1 for Ollama); the public OpenAI API when empty.</summary>
    public string? Endpoint { get; set; }

    public string? ApiKey { get; set; }

    public string? Model { get; set; }
}

/// <summary>Per-user limit on AI actions (anything that calls a model).</summary>
public sealed class AiRateLimitOptions
{
    public int PermitLimit { get; set; } = 30;

    public int WindowSeconds { get; set; } = 60;
}

public sealed class ScreeningOptions
{
    /// <summary>Untrusted content scoring at least this is flagged for the approver and the audit log.</summary>
    public double FlagThreshold { get; set; } = 0.5;

    /// <summary>Hosts whose links in untrusted content are not suspicious (a leading "*." admits subdomains).</summary>
    public List<string> KnownHosts { get; set; } =
    [
        "github.com", "*.github.com", "*.githubusercontent.com", "learn.microsoft.com", "docs.microsoft.com", "*.azure.com",
        "stackoverflow.com", "developer.mozilla.org", "nuget.org", "*.nuget.org", "npmjs.com", "*.npmjs.com", "pypi.org",
        "docs.python.org", "crates.io", "docs.rs", "pkg.go.dev", "go.dev", "rust-lang.org", "*.rust-lang.org", "localhost",
    ];
}
