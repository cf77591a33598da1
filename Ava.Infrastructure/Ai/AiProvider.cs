using Microsoft.Extensions.AI;

namespace Ava.Infrastructure.Ai;

/// <summary>
/// What the rest of the app knows about the configured model: enough for a badge and a run record.
/// Only <see cref="PromptRunner"/> talks to the model itself.
/// </summary>
public interface IAiProvider
{
    AiProviderKind Kind { get; }

    /// <summary>True when a real model answers; false for the offline generator.</summary>
    bool IsEnabled { get; }

    /// <summary>"Offline generator", "Azure OpenAI", "OpenAI-compatible".</summary>
    string DisplayName { get; }

    /// <summary>The model or deployment requests go to.</summary>
    string Model { get; }
}

/// <summary>The configured provider and its <see cref="IChatClient"/> (logging and OpenTelemetry around the SDK's client).</summary>
internal sealed class AiProvider(AiProviderKind kind, string model, IChatClient chatClient) : IAiProvider, IDisposable
{
    public AiProviderKind Kind { get; } = kind;

    public bool IsEnabled => Kind != AiProviderKind.Offline;

    public string DisplayName => DisplayNameOf(Kind);

    public string Model { get; } = model;

    /// <summary>The model; internal so that nothing but the run pipeline can call it.</summary>
    internal IChatClient ChatClient { get; } = chatClient;

    public static string DisplayNameOf(AiProviderKind kind) => kind switch
    {
        AiProviderKind.AzureOpenAI => "Azure OpenAI",
        AiProviderKind.OpenAI => "OpenAI-compatible",
        _ => "Offline generator",
    };

    public void Dispose() => ChatClient.Dispose();
}
