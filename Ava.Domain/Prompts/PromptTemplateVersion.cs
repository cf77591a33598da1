using Ava.Domain.Common;

namespace Ava.Domain.Prompts;

/// <summary>The model settings a version was written for.</summary>
/// <param name="Model">The model (or deployment) the version targets; the configured provider decides what is called.</param>
/// <param name="MaxTokens">The most output tokens asked for.</param>
/// <param name="ContextTokens">The budget of the prompt itself (instructions and context); lowest-priority context is dropped to fit.</param>
public sealed record PromptSettings(string Model, int MaxTokens, double Temperature, int ContextTokens)
{
    public const int ModelMaxLength = 100;
    public const int DefaultContextTokens = 8_000;
}

/// <summary>How a version's output is checked: required sections and length for text, a JSON Schema for JSON.</summary>
public sealed record PromptValidation(
    PromptOutputFormat Format, int? MinLength, int? MaxLength, IReadOnlyList<string> RequiredSections, string? JsonSchema)
{
    public static PromptValidation ForText(int? minLength, int? maxLength, IReadOnlyList<string> requiredSections) =>
        new(PromptOutputFormat.Text, minLength, maxLength, requiredSections, null);

    public static PromptValidation ForJson(string jsonSchema) => new(PromptOutputFormat.Json, null, null, [], jsonSchema);
}

/// <summary>
/// One immutable version of a prompt template: its texts, settings, validation rules and changelog
/// line, who wrote it and when. A change is a new version; nothing here has a setter.
/// </summary>
public sealed class PromptTemplateVersion
{
    public const int TextMaxLength = 50_000;
    public const int SystemContextMaxLength = 10_000;
    public const int ChangelogMaxLength = 500;
    public const int SchemaMaxLength = 20_000;

    private IReadOnlyList<string> _requiredSections = [];

    private PromptTemplateVersion()
    {
    }

    internal PromptTemplateVersion(
        long templateId, SemanticVersion number, string templateText, string systemContext, PromptSettings settings,
        PromptValidation validation, string changelog, string? basedOn, string createdBy, DateTimeOffset createdAt)
    {
        if (string.IsNullOrWhiteSpace(changelog))
        {
            throw new DomainException("A version needs a changelog line that says what changed.");
        }

        TemplatePlaceholders.Find(templateText);
        TemplateId = templateId;
        Number = number.ToString();
        Major = number.Major;
        Minor = number.Minor;
        Patch = number.Patch;
        TemplateText = templateText;
        SystemContext = systemContext;
        Model = settings.Model;
        MaxTokens = settings.MaxTokens;
        Temperature = settings.Temperature;
        ContextTokens = settings.ContextTokens;
        OutputFormat = validation.Format;
        MinLength = validation.MinLength;
        MaxLength = validation.MaxLength;
        _requiredSections = [.. validation.RequiredSections];
        JsonSchema = validation.JsonSchema;
        Changelog = changelog.Trim();
        BasedOn = basedOn;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }

    public long TemplateId { get; private set; }

    /// <summary>The version as written, e.g. "3.0.0".</summary>
    public string Number { get; private set; } = "";

    public int Major { get; private set; }

    public int Minor { get; private set; }

    public int Patch { get; private set; }

    public string TemplateText { get; private set; } = "";

    public string SystemContext { get; private set; } = "";

    public string Model { get; private set; } = "";

    public int MaxTokens { get; private set; }

    public double Temperature { get; private set; }

    public int ContextTokens { get; private set; }

    public PromptOutputFormat OutputFormat { get; private set; }

    public int? MinLength { get; private set; }

    public int? MaxLength { get; private set; }

    public IReadOnlyList<string> RequiredSections => _requiredSections;

    public string? JsonSchema { get; private set; }

    public string Changelog { get; private set; } = "";

    /// <summary>The version this one was started from; null for a seeded or first version.</summary>
    public string? BasedOn { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public SemanticVersion SemanticVersion => new(Major, Minor, Patch);

    public PromptSettings Settings => new(Model, MaxTokens, Temperature, ContextTokens);

    public PromptValidation Validation => new(OutputFormat, MinLength, MaxLength, _requiredSections, JsonSchema);

    /// <summary>The placeholders the template text fills in, in order of first use.</summary>
    public IReadOnlyList<string> Placeholders => TemplatePlaceholders.Find(TemplateText);
}
