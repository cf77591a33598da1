using Ava.Domain.Briefings;
using Ava.Domain.Prompts;

namespace Ava.Infrastructure.Briefings;

/// <summary>The live-update topic of briefings: a date's briefing was written or rated.</summary>
public sealed record BriefingChanged(DateOnly Date);

/// <summary>One briefing in the list: its current revision.</summary>
public sealed record BriefingRow(
    DateOnly Date,
    int Revision,
    string Excerpt,
    DateTimeOffset GeneratedAt,
    bool IsOffline,
    bool Flagged,
    double? AverageStars,
    int Ratings);

/// <summary>A stream the briefing drew on, as the reader links it; <see cref="Title"/> is null when the stream was deleted since.</summary>
public sealed record BriefingSource(long StreamId, string? Title, bool Cited);

/// <summary>An earlier or later text of the same date.</summary>
public sealed record BriefingRevisionInfo(int Revision, DateTimeOffset GeneratedAt, string GeneratedBy, bool IsCurrent, DateTimeOffset? SupersededAt, string? SupersededBy);

/// <summary>The caller's own rating of the date's briefing.</summary>
public sealed record MyRating(int Stars, string? Comment, DateTimeOffset RatedAt);

/// <summary>One revision of a date's briefing as the reader shows it, with its neighbours and the caller's rating.</summary>
public sealed record BriefingDetail(
    long Id,
    DateOnly Date,
    int Revision,
    bool IsCurrent,
    string Markdown,
    string TemplateVersion,
    long PromptRunId,
    string Provider,
    string Model,
    bool IsOffline,
    int TokensIn,
    int TokensOut,
    int DurationMs,
    DateTimeOffset PeriodStart,
    DateTimeOffset PeriodEnd,
    int StreamsInPeriod,
    string GeneratedBy,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<BriefingSource> Sources,
    IReadOnlyList<FlaggedInput> FlaggedInputs,
    IReadOnlyList<BriefingRevisionInfo> Revisions,
    DateOnly? Previous,
    DateOnly? Next,
    double? AverageStars,
    int Ratings,
    MyRating? Mine)
{
    public bool Flagged => FlaggedInputs.Count > 0;
}

/// <summary>What a background run of the morning briefing did for a date.</summary>
/// <param name="Briefing">The revision written, or the one that was already there.</param>
/// <param name="Written">False when the date already had the briefing the run was meant to write (a retry, a restart, a second click).</param>
public sealed record BriefingGeneration(MorningBriefing? Briefing, bool Written, string Message);

/// <summary>A regeneration was queued: the date, the revision it replaces (0 for a date without one), and the job that writes it.</summary>
public sealed record RegenerationRequest(DateOnly Date, int ReplacesRevision, string JobId);

/// <summary>The caller's rating as stored, with the date's new average.</summary>
public sealed record RatingResult(DateOnly Date, int Stars, string? Comment, double AverageStars, int Ratings);
