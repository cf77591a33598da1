using System.ComponentModel;
using System.Globalization;
using Ava.Domain.Prompts;
using Ava.Infrastructure.Briefings;
using Ava.Infrastructure.Common;
using Microsoft.AspNetCore.Mvc;

namespace Ava.Dashboard.Api;

public sealed record BriefingListItem(
    [property: Description("yyyy-MM-dd, in the briefings' time zone.")] string Date,
    int Revision,
    [property: Description("The start of the text as plain words.")] string Excerpt,
    DateTimeOffset GeneratedAt,
    [property: Description("Written by the offline generator, not a model.")] bool IsOffline,
    [property: Description("An input was flagged as a likely prompt injection.")] bool Flagged,
    double? AverageStars,
    int Ratings);

public sealed record BriefingList(IReadOnlyList<BriefingListItem> Items, int Page, int PageSize, int TotalCount);

public sealed record BriefingSourceResource(long StreamId, [property: Description("Null when the stream was deleted since.")] string? Title, [property: Description("The text cites it as [stream:id].")] bool Cited);

public sealed record BriefingRevisionResource(int Revision, DateTimeOffset GeneratedAt, string GeneratedBy, bool IsCurrent, DateTimeOffset? SupersededAt, string? SupersededBy);

public sealed record BriefingRatingResource(int Stars, string? Comment, DateTimeOffset RatedAt);

/// <summary>One revision of a date's briefing, with where it came from and how it was rated.</summary>
public sealed record BriefingResource(
    string Date,
    int Revision,
    bool IsCurrent,
    [property: Description("Markdown. Render it with raw HTML disabled: it was written by a model.")] string Markdown,
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
    IReadOnlyList<BriefingSourceResource> Sources,
    [property: Description("Inputs flagged as likely prompt injections.")] IReadOnlyList<FlaggedInput> FlaggedInputs,
    IReadOnlyList<BriefingRevisionResource> Revisions,
    string? Previous,
    string? Next,
    double? AverageStars,
    int Ratings,
    [property: Description("The caller's own rating, if any.")] BriefingRatingResource? MyRating)
{
    internal static BriefingResource From(BriefingDetail b) => new(
        BriefingDates.Format(b.Date), b.Revision, b.IsCurrent, b.Markdown, b.TemplateVersion, b.PromptRunId, b.Provider, b.Model, b.IsOffline,
        b.TokensIn, b.TokensOut, b.DurationMs, b.PeriodStart, b.PeriodEnd, b.StreamsInPeriod, b.GeneratedBy, b.GeneratedAt,
        b.Sources.Select(s => new BriefingSourceResource(s.StreamId, s.Title, s.Cited)).ToList(), b.FlaggedInputs,
        b.Revisions.Select(r => new BriefingRevisionResource(r.Revision, r.GeneratedAt, r.GeneratedBy, r.IsCurrent, r.SupersededAt, r.SupersededBy)).ToList(),
        b.Previous is { } previous ? BriefingDates.Format(previous) : null, b.Next is { } next ? BriefingDates.Format(next) : null,
        b.AverageStars, b.Ratings, b.Mine is { } mine ? new BriefingRatingResource(mine.Stars, mine.Comment, mine.RatedAt) : null);
}

/// <summary>The caller's rating of a date's briefing: 1 to 5 stars and an optional comment (at most 1,000 characters).</summary>
public sealed record BriefingRatingRequest([property: Description("1 to 5.")] int? Stars, string? Comment = null);

public sealed record BriefingRatingResult(string Date, int Stars, string? Comment, double AverageStars, int Ratings);

/// <summary>A regeneration was queued: follow the briefing until its revision passes <see cref="ReplacesRevision"/>.</summary>
public sealed record BriefingRegeneration(
    string Date,
    [property: Description("The revision being replaced; 0 when the date had no briefing.")] int ReplacesRevision,
    [property: Description("The workflow run's job id on /workflows.")] string JobId,
    [property: Description("Where to read the briefing.")] string Briefing);

public sealed record BriefingListParameters(
    [property: FromQuery(Name = "page"), Description("Zero-based page number (default 0).")] int? Page,
    [property: FromQuery(Name = "pageSize"), Description("Rows per page, 1 to 200 (default 25).")] int? PageSize,
    [property: FromQuery(Name = "search"), Description("Words to find in the text (case-insensitive).")] string? Search)
{
    internal PageRequest ToPage()
    {
        var values = new ApiValues();
        ApiPaging.Check(values, Page ?? 0, PageSize ?? PageRequest.DefaultSize, PageRequest.MaxSize);
        values.Check(Search is null || Search.Length <= BriefingQueries.MaxSearchLength, "search", $"'search' must be at most {BriefingQueries.MaxSearchLength} characters.");
        values.ThrowIfInvalid();
        return new PageRequest(Page ?? 0, PageSize ?? PageRequest.DefaultSize);
    }
}

internal static class BriefingDates
{
    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A route's yyyy-MM-dd, or a 400 naming the field.</summary>
    public static DateOnly Parse(string text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        var values = new ApiValues();
        values.Check(false, "date", "'date' must be a date written yyyy-MM-dd.");
        values.ThrowIfInvalid();
        return default;
    }
}
