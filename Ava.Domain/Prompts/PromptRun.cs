namespace Ava.Domain.Prompts;

/// <summary>
/// The record of one call through the AI pipeline, written whatever the outcome: which template
/// version ran, for whom, on which provider and model, what it cost, how long it took, how many
/// attempts, whether its output passed validation, and how suspicious its untrusted input looked.
/// Per-version metrics are computed from these rows, never estimated.
/// </summary>
public sealed class PromptRun
{
    public const int CallerMaxLength = 256;
    public const int SubjectMaxLength = 200;
    public const int ProviderMaxLength = 40;
    public const int ErrorMaxLength = 2_000;
    public const int OutputMaxLength = 40_000;

    private IReadOnlyList<string> _validationErrors = [];
    private IReadOnlyList<string> _injectionReasons = [];
    private IReadOnlyList<string> _contextSources = [];

    private PromptRun()
    {
    }

    public PromptRun(PromptRunRecord record)
    {
        TemplateId = record.TemplateId;
        TemplateName = record.TemplateName;
        VersionId = record.VersionId;
        VersionNumber = record.VersionNumber;
        Caller = Cut(record.Caller, CallerMaxLength)!;
        Subject = Cut(record.Subject, SubjectMaxLength);
        Provider = Cut(record.Provider, ProviderMaxLength)!;
        Model = Cut(record.Model, PromptSettings.ModelMaxLength)!;
        TokensIn = record.TokensIn;
        TokensOut = record.TokensOut;
        TokensEstimated = record.TokensEstimated;
        DurationMs = record.DurationMs;
        Attempts = record.Attempts;
        Outcome = record.Outcome;
        _validationErrors = [.. record.ValidationErrors.Take(50)];
        Error = Cut(record.Error, ErrorMaxLength);
        InjectionScore = Math.Round(Math.Clamp(record.InjectionScore, 0, 1), 3);
        _injectionReasons = [.. record.InjectionReasons.Take(50)];
        Flagged = record.Flagged;
        IsTest = record.IsTest;
        ContextItemsUsed = record.ContextItemsUsed;
        ContextItemsDropped = record.ContextItemsDropped;
        _contextSources = [.. record.ContextSources.Take(500)];
        Output = Cut(record.Output, OutputMaxLength);
        StartedAt = record.StartedAt;
    }

    public long Id { get; private set; }

    public long TemplateId { get; private set; }

    public string TemplateName { get; private set; } = "";

    public long VersionId { get; private set; }

    public string VersionNumber { get; private set; } = "";

    /// <summary>Who the run was for: a user's name, or "system".</summary>
    public string Caller { get; private set; } = "";

    /// <summary>What the run was about, as the caller names it (e.g. "briefing:2026-11-23", "codestone:42").</summary>
    public string? Subject { get; private set; }

    public string Provider { get; private set; } = "";

    public string Model { get; private set; } = "";

    public int TokensIn { get; private set; }

    public int TokensOut { get; private set; }

    /// <summary>True when the provider reported no usage and the counts come from our tokenizer.</summary>
    public bool TokensEstimated { get; private set; }

    public int DurationMs { get; private set; }

    public int Attempts { get; private set; }

    public PromptRunOutcome Outcome { get; private set; }

    public IReadOnlyList<string> ValidationErrors => _validationErrors;

    public string? Error { get; private set; }

    public double InjectionScore { get; private set; }

    public IReadOnlyList<string> InjectionReasons => _injectionReasons;

    public bool Flagged { get; private set; }

    /// <summary>A test run of a version on sample input: it counts in no production metric unless asked.</summary>
    public bool IsTest { get; private set; }

    public int ContextItemsUsed { get; private set; }

    public int ContextItemsDropped { get; private set; }

    /// <summary>The ids of the untrusted items that reached the model (e.g. "stream:42"), so an output can cite them.</summary>
    public IReadOnlyList<string> ContextSources => _contextSources;

    /// <summary>The validated output (or the last invalid one), capped.</summary>
    public string? Output { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public bool Succeeded => Outcome == PromptRunOutcome.Succeeded;

    private static string? Cut(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}

/// <summary>Everything a run records, gathered by the pipeline before the row is written.</summary>
public sealed record PromptRunRecord(
    long TemplateId,
    string TemplateName,
    long VersionId,
    string VersionNumber,
    string Caller,
    string? Subject,
    string Provider,
    string Model,
    int TokensIn,
    int TokensOut,
    bool TokensEstimated,
    int DurationMs,
    int Attempts,
    PromptRunOutcome Outcome,
    IReadOnlyList<string> ValidationErrors,
    string? Error,
    double InjectionScore,
    IReadOnlyList<string> InjectionReasons,
    bool Flagged,
    bool IsTest,
    int ContextItemsUsed,
    int ContextItemsDropped,
    IReadOnlyList<string> ContextSources,
    string? Output,
    DateTimeOffset StartedAt);
