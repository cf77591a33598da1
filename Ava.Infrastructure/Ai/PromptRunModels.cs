using System.Text.Json;
using Ava.Domain.Prompts;

namespace Ava.Infrastructure.Ai;

/// <summary>
/// What a feature asks the AI pipeline to run.
/// </summary>
/// <param name="TemplateName">e.g. <see cref="PromptNames.MorningBriefing"/>.</param>
/// <param name="Placeholders">Values the product itself wrote (dates, ids, enum names): inserted as they are.</param>
/// <param name="Items">Content the product did not write: wrapped in boundary markers, budgeted by priority and scored for injection.</param>
/// <param name="Subject">What the run is about, recorded with it (e.g. "briefing:2026-11-23", "codestone:42").</param>
/// <param name="Version">A specific version (test runs); null runs the active one.</param>
/// <param name="IsTest">Recorded as a test run, outside the production metrics.</param>
public sealed record PromptRunRequest(
    string TemplateName,
    IReadOnlyDictionary<string, string> Placeholders,
    IReadOnlyList<UntrustedItem> Items,
    string? Subject = null,
    string? Version = null,
    bool IsTest = false);

/// <summary>The injection score of one untrusted item that reached the model.</summary>
public sealed record ItemAssessment(string Id, string Label, double Score, bool Flagged, IReadOnlyList<string> Reasons);

/// <summary>The injection screening of a run's untrusted input: the highest item score and every flagged item.</summary>
public sealed record RunInjection(double Score, bool Flagged, IReadOnlyList<string> Reasons, IReadOnlyList<ItemAssessment> Items);

/// <summary>
/// What came back: the validated output (text, and parsed JSON for JSON versions), the PromptRun that
/// records it, the injection flags to show to an approver, and which context items were used.
/// A failed run is returned, not thrown: <see cref="Succeeded"/> is false and <see cref="Error"/> or
/// <see cref="ValidationErrors"/> say why. Call <see cref="EnsureSucceeded"/> to throw instead.
/// </summary>
public sealed record PromptRunResult(
    long RunId,
    string TemplateName,
    string VersionNumber,
    PromptRunOutcome Outcome,
    string? Output,
    JsonElement? Json,
    IReadOnlyList<string> ValidationErrors,
    string? Error,
    RunInjection Injection,
    IReadOnlyList<string> Sources,
    IReadOnlyList<string> DroppedSources,
    string Provider,
    string Model,
    bool IsOffline,
    int TokensIn,
    int TokensOut,
    bool TokensEstimated,
    int Attempts,
    int DurationMs)
{
    /// <summary>The id of the template version that ran, for outputs that record where they came from.</summary>
    public long VersionId { get; init; }

    public bool Succeeded => Outcome == PromptRunOutcome.Succeeded;

    /// <summary>The untrusted inputs the scorer flagged, as the product keeps them beside what the run produced.</summary>
    public IReadOnlyList<FlaggedInput> FlaggedInputs =>
        [.. Injection.Items.Where(i => i.Flagged).Select(i => new FlaggedInput(i.Id, i.Label, i.Score, i.Reasons))];

    public PromptRunResult EnsureSucceeded() => Succeeded ? this : throw new PromptRunFailedException(this);
}

/// <summary>A run ended without a valid output; the message says why, and <see cref="Result"/> has the run's record id.</summary>
public sealed class PromptRunFailedException(PromptRunResult result)
    : Ava.Domain.Common.DomainException(Describe(result))
{
    public PromptRunResult Result { get; } = result;

    public static string Describe(PromptRunResult result) => result.Outcome switch
    {
        PromptRunOutcome.ValidationFailed => $"The model's answer failed validation twice (run #{result.RunId}): {string.Join("; ", result.ValidationErrors.Take(5))}",
        PromptRunOutcome.BudgetExceeded => $"The instructions alone exceed the version's token budget (run #{result.RunId}): {result.Error}",
        _ => $"The AI provider failed (run #{result.RunId}): {result.Error}",
    };
}

/// <summary>Too many AI actions by one user in the current window.</summary>
public sealed class AiRateLimitExceededException(TimeSpan retryAfter, int permitLimit, int windowSeconds)
    : Exception($"You have used your {permitLimit} AI actions for this {windowSeconds}-second window. Try again in {Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))} s.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
