using Ava.Domain.Prompts;
using Ava.Infrastructure.Ai;

namespace Ava.Infrastructure.Prompts;

public sealed record PromptTemplateSummary(
    long Id, string Name, string Description, string? ActiveVersion, int VersionCount, DateTimeOffset? LastRunAt, int RunsLast7Days);

public sealed record PromptVersionSummary(
    long Id, string Number, string Changelog, string CreatedBy, DateTimeOffset CreatedAt, string? BasedOn, bool IsActive, PromptOutputFormat Format);

public sealed record PromptActivationEntry(string? FromVersion, string ToVersion, string ActivatedBy, DateTimeOffset ActivatedAt, string Reason);

/// <summary>A template with its versions (newest first) and its activation history (newest first).</summary>
public sealed record PromptTemplateDetail(
    long Id, string Name, string Description, string? ActiveVersion, Guid Version,
    IReadOnlyList<PromptVersionSummary> Versions, IReadOnlyList<PromptActivationEntry> Activations);

public sealed record PromptVersionDetail(
    long Id, string TemplateName, string Number, string TemplateText, string SystemContext, PromptSettings Settings,
    PromptValidation Validation, string Changelog, string? BasedOn, string CreatedBy, DateTimeOffset CreatedAt, bool IsActive,
    IReadOnlyList<string> Placeholders);

/// <summary>A new version: started from <see cref="BasedOn"/>, numbered above every existing version, with a changelog line.</summary>
public sealed record NewPromptVersion(
    string Version,
    string BasedOn,
    string TemplateText,
    string SystemContext,
    string Model,
    int MaxTokens,
    double Temperature,
    int ContextTokens,
    PromptOutputFormat Format,
    int? MinLength,
    int? MaxLength,
    IReadOnlyList<string> RequiredSections,
    string? JsonSchema,
    string Changelog)
{
    /// <summary>A form pre-filled with <paramref name="version"/>'s values and the next minor number.</summary>
    public static NewPromptVersion From(PromptVersionDetail version, string nextNumber) => new(
        nextNumber, version.Number, version.TemplateText, version.SystemContext, version.Settings.Model, version.Settings.MaxTokens,
        version.Settings.Temperature, version.Settings.ContextTokens, version.Validation.Format, version.Validation.MinLength,
        version.Validation.MaxLength, version.Validation.RequiredSections, version.Validation.JsonSchema, "");
}

/// <summary>Sample input for a test run: trusted placeholder values and untrusted items.</summary>
public sealed record PromptTestInput(IReadOnlyDictionary<string, string> Placeholders, IReadOnlyList<UntrustedItem> Items);

public sealed record PromptRunRow(
    long Id, string VersionNumber, string Caller, string? Subject, string Provider, string Model, PromptRunOutcome Outcome,
    int Attempts, int DurationMs, int TokensIn, int TokensOut, bool TokensEstimated, double InjectionScore, bool Flagged, bool IsTest,
    DateTimeOffset StartedAt);

public sealed record PromptRunPage(IReadOnlyList<PromptRunRow> Items, int Total);

public sealed record PromptRunDetail(
    PromptRunRow Run, IReadOnlyList<string> ValidationErrors, string? Error, IReadOnlyList<string> InjectionReasons,
    IReadOnlyList<string> ContextSources, int ContextItemsUsed, int ContextItemsDropped, string? Output);
