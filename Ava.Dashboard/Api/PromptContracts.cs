using System.ComponentModel;
using Ava.Domain.Prompts;
using Ava.Infrastructure.Ai;
using Ava.Infrastructure.Prompts;

namespace Ava.Dashboard.Api;

/// <summary>A new version of a template. Omitted fields are copied from <c>basedOn</c>.</summary>
public sealed record PromptVersionCreateRequest(
    [property: Description("The new semantic version, above every existing one, e.g. 3.1.0.")] string? Version,
    [property: Description("The version this one starts from; its values fill every field left out.")] string? BasedOn,
    [property: Description("What changed and why; required.")] string? Changelog,
    string? TemplateText,
    string? SystemContext,
    string? Model,
    int? MaxTokens,
    double? Temperature,
    [property: Description("The prompt's token budget; lowest-priority context is dropped to fit.")] int? ContextTokens,
    [property: Description("Text or Json.")] PromptOutputFormat? Format,
    int? MinLength,
    int? MaxLength,
    IReadOnlyList<string>? RequiredSections,
    [property: Description("The JSON Schema a Json version's output must match.")] string? JsonSchema)
{
    internal NewPromptVersion ToValues(PromptVersionDetail basedOn) => new(
        Version ?? "", basedOn.Number, TemplateText ?? basedOn.TemplateText, SystemContext ?? basedOn.SystemContext, Model ?? basedOn.Settings.Model,
        MaxTokens ?? basedOn.Settings.MaxTokens, Temperature ?? basedOn.Settings.Temperature, ContextTokens ?? basedOn.Settings.ContextTokens,
        Format ?? basedOn.Validation.Format, MinLength ?? basedOn.Validation.MinLength, MaxLength ?? basedOn.Validation.MaxLength,
        RequiredSections ?? basedOn.Validation.RequiredSections, JsonSchema ?? basedOn.Validation.JsonSchema, Changelog ?? "");
}

public sealed record PromptActivateRequest(
    [property: Description("The version to make active.")] string? Version,
    [property: Description("Why; required, kept in the activation history.")] string? Reason);

public sealed record TestRunItemRequest(
    [property: Description("The placeholder the item fills, e.g. intelligence_streams.")] string? Placeholder,
    [property: Description("A reference the output may cite, e.g. stream:42.")] string? Id,
    string? Label,
    string? Text,
    [property: Description("Higher is kept longer when the context does not fit (default 10).")] int? Priority);

/// <summary>Sample input: trusted placeholder values, and untrusted items (wrapped, budgeted and screened).</summary>
public sealed record PromptTestRunRequest(IReadOnlyDictionary<string, string>? Placeholders, IReadOnlyList<TestRunItemRequest>? Items)
{
    internal PromptTestInput ToInput()
    {
        var values = new ApiValues();
        var items = new List<UntrustedItem>();
        foreach (var (item, i) in (Items ?? []).Select((item, i) => (item, i)))
        {
            values.Check(item is not null && !string.IsNullOrWhiteSpace(item.Placeholder), $"items[{i}].placeholder", $"'items[{i}].placeholder' is required.");
            values.Check(item?.Text is not null, $"items[{i}].text", $"'items[{i}].text' is required.");
            if (item?.Placeholder is { } placeholder && item.Text is { } text)
            {
                var id = string.IsNullOrWhiteSpace(item.Id) ? $"item:{i + 1}" : item.Id;
                items.Add(new UntrustedItem(placeholder, id, item.Label ?? id, text, item.Priority ?? 10));
            }
        }

        values.ThrowIfInvalid();
        return new PromptTestInput(Placeholders ?? new Dictionary<string, string>(), items);
    }
}

public sealed record ScreenRequest([property: Description("The text to screen, up to 100,000 characters.")] string? Text);

public sealed record ScreenResource(
    [property: Description("0 (plain data) to 1 (clearly trying to instruct a model).")] double Score,
    [property: Description("Whether the score reaches the flag threshold (Ai:Screening:FlagThreshold).")] bool Flagged,
    double Threshold,
    IReadOnlyList<string> Reasons);

public sealed record PromptTestRunResource(
    long RunId, string Template, string Version, PromptRunOutcome Outcome, string? Output, object? Json, IReadOnlyList<string> ValidationErrors, string? Error,
    RunInjection Injection, IReadOnlyList<string> Sources, IReadOnlyList<string> DroppedSources, string Provider, string Model, bool IsOffline,
    int TokensIn, int TokensOut, bool TokensEstimated, int Attempts, int DurationMs)
{
    internal static PromptTestRunResource From(PromptRunResult r) => new(
        r.RunId, r.TemplateName, r.VersionNumber, r.Outcome, r.Output, r.Json, r.ValidationErrors, r.Error, r.Injection, r.Sources, r.DroppedSources,
        r.Provider, r.Model, r.IsOffline, r.TokensIn, r.TokensOut, r.TokensEstimated, r.Attempts, r.DurationMs);
}
