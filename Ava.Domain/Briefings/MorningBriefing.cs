using Ava.Domain.Common;
using Ava.Domain.Prompts;

namespace Ava.Domain.Briefings;

/// <summary>
/// One revision of the morning briefing of a date. A date has at most one current revision; writing the
/// briefing again supersedes the current one, which is kept as it was (never rewritten, never deleted).
/// The revision records where its text came from: the template version and the PromptRun, the provider and
/// model, the period of streams it read, the streams that reached the model, and the inputs flagged as
/// likely prompt injections.
/// </summary>
public sealed class MorningBriefing : IVersioned
{
    public const int MarkdownMaxLength = 40_000;
    public const int ExcerptMaxLength = 280;
    public const int ByMaxLength = 256;

    private IReadOnlyList<long> _streamIds = [];
    private IReadOnlyList<FlaggedInput> _flaggedInputs = [];

    private MorningBriefing()
    {
    }

    public MorningBriefing(DateOnly date, int revision, string markdown, BriefingProvenance provenance, BriefingPeriod period, string generatedBy, DateTimeOffset generatedAt)
    {
        if (revision < 1)
        {
            throw new DomainException("A briefing's revisions are numbered from 1.");
        }

        if (string.IsNullOrWhiteSpace(markdown))
        {
            throw new DomainException("A briefing needs text.");
        }

        if (markdown.Length > MarkdownMaxLength)
        {
            throw new DomainException($"A briefing is at most {MarkdownMaxLength:N0} characters.");
        }

        if (period.End <= period.Start)
        {
            throw new DomainException("A briefing's period must end after it starts.");
        }

        Date = date;
        Revision = revision;
        Markdown = markdown;
        Excerpt = BriefingExcerpt.Of(markdown, ExcerptMaxLength);
        TemplateVersionId = provenance.TemplateVersionId;
        TemplateVersion = provenance.TemplateVersion;
        PromptRunId = provenance.PromptRunId;
        Provider = provenance.Provider;
        Model = provenance.Model;
        IsOffline = provenance.IsOffline;
        TokensIn = provenance.TokensIn;
        TokensOut = provenance.TokensOut;
        DurationMs = provenance.DurationMs;
        InjectionScore = Math.Round(Math.Clamp(provenance.InjectionScore, 0, 1), 3);
        _flaggedInputs = [.. provenance.FlaggedInputs];
        PeriodStart = period.Start;
        PeriodEnd = period.End;
        StreamsInPeriod = period.StreamsInPeriod;
        _streamIds = [.. period.StreamIds.Distinct()];
        GeneratedBy = generatedBy.Length > ByMaxLength ? generatedBy[..ByMaxLength] : generatedBy;
        GeneratedAt = generatedAt;
    }

    public long Id { get; private set; }

    /// <summary>The day the briefing is for, in the briefing's time zone.</summary>
    public DateOnly Date { get; private set; }

    /// <summary>1 for the first text of the date; each regeneration adds one.</summary>
    public int Revision { get; private set; }

    public string Markdown { get; private set; } = "";

    /// <summary>The start of the text as plain words, for lists.</summary>
    public string Excerpt { get; private set; } = "";

    public long TemplateVersionId { get; private set; }

    public string TemplateVersion { get; private set; } = "";

    public long PromptRunId { get; private set; }

    public string Provider { get; private set; } = "";

    public string Model { get; private set; } = "";

    /// <summary>Written by the offline generator, not a model: the reader says so.</summary>
    public bool IsOffline { get; private set; }

    public int TokensIn { get; private set; }

    public int TokensOut { get; private set; }

    public int DurationMs { get; private set; }

    /// <summary>The highest injection score of the inputs that reached the model.</summary>
    public double InjectionScore { get; private set; }

    /// <summary>The inputs flagged as likely prompt injections; empty when none was.</summary>
    public IReadOnlyList<FlaggedInput> FlaggedInputs => _flaggedInputs;

    public bool Flagged => _flaggedInputs.Count > 0;

    /// <summary>The streams created in [<see cref="PeriodStart"/>, <see cref="PeriodEnd"/>) were the candidates.</summary>
    public DateTimeOffset PeriodStart { get; private set; }

    public DateTimeOffset PeriodEnd { get; private set; }

    /// <summary>How many non-archived streams the period held.</summary>
    public int StreamsInPeriod { get; private set; }

    /// <summary>The streams that reached the model (the rest did not fit the token budget).</summary>
    public IReadOnlyList<long> StreamIds => _streamIds;

    /// <summary>Who the run acted as: <c>system:morning-briefing</c> on schedule, or the admin who asked.</summary>
    public string GeneratedBy { get; private set; } = "";

    public DateTimeOffset GeneratedAt { get; private set; }

    public DateTimeOffset? SupersededAt { get; private set; }

    public string? SupersededBy { get; private set; }

    public bool IsCurrent => SupersededAt is null;

    public Guid Version { get; private set; } = Guid.NewGuid();

    public void NewVersion() => Version = Guid.NewGuid();

    /// <summary>A newer revision replaces this one as the date's briefing; this text stays as it is.</summary>
    public void Supersede(string by, DateTimeOffset at)
    {
        if (SupersededAt is not null)
        {
            throw new DomainException($"Revision {Revision} of the briefing for {Date:yyyy-MM-dd} was already superseded.");
        }

        SupersededAt = at;
        SupersededBy = by.Length > ByMaxLength ? by[..ByMaxLength] : by;
    }
}

/// <summary>Where a briefing's text came from.</summary>
public sealed record BriefingProvenance(
    long TemplateVersionId,
    string TemplateVersion,
    long PromptRunId,
    string Provider,
    string Model,
    bool IsOffline,
    int TokensIn,
    int TokensOut,
    int DurationMs,
    double InjectionScore,
    IReadOnlyList<FlaggedInput> FlaggedInputs);

/// <summary>What a briefing read: the period, how many streams it held, and the ones that reached the model.</summary>
public sealed record BriefingPeriod(DateTimeOffset Start, DateTimeOffset End, int StreamsInPeriod, IReadOnlyList<long> StreamIds);
