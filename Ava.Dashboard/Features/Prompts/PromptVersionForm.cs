using Ava.Domain.Prompts;
using Ava.Infrastructure.Prompts;

namespace Ava.Dashboard.Features.Prompts;

/// <summary>The new-version form's values; required sections are typed one per line.</summary>
public sealed class PromptVersionForm
{
    public string Version { get; set; } = "";

    public string BasedOn { get; set; } = "";

    public string Changelog { get; set; } = "";

    public string TemplateText { get; set; } = "";

    public string SystemContext { get; set; } = "";

    public string Model { get; set; } = "";

    public int MaxTokens { get; set; }

    public double Temperature { get; set; }

    public int ContextTokens { get; set; }

    public PromptOutputFormat Format { get; set; }

    public int? MinLength { get; set; }

    public int? MaxLength { get; set; }

    public string RequiredSections { get; set; } = "";

    public string? JsonSchema { get; set; }

    public static PromptVersionForm From(PromptVersionDetail v, string nextNumber) => new()
    {
        Version = nextNumber,
        BasedOn = v.Number,
        TemplateText = v.TemplateText,
        SystemContext = v.SystemContext,
        Model = v.Settings.Model,
        MaxTokens = v.Settings.MaxTokens,
        Temperature = v.Settings.Temperature,
        ContextTokens = v.Settings.ContextTokens,
        Format = v.Validation.Format,
        MinLength = v.Validation.MinLength,
        MaxLength = v.Validation.MaxLength,
        RequiredSections = string.Join('\n', v.Validation.RequiredSections),
        JsonSchema = v.Validation.JsonSchema,
    };

    public NewPromptVersion ToValues() => new(
        Version.Trim(), BasedOn, TemplateText, SystemContext, Model, MaxTokens, Temperature, ContextTokens, Format, MinLength, MaxLength,
        RequiredSections.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), JsonSchema, Changelog.Trim());
}
