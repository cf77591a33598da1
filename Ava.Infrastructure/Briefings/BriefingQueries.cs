using System.Text.RegularExpressions;
using Ava.Domain.Security;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Configuration;
using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ava.Infrastructure.Briefings;

/// <summary>Reading the morning briefings (view_dashboards): the list with search, one date's text with its sources, neighbours and ratings.</summary>
public sealed partial class BriefingQueries(IDbContextFactory<AvaDbContext> contexts, PermissionGuard guard, IOptions<BriefingOptions> options, TimeProvider clock)
{
    public const int MaxSearchLength = 200;

    /// <summary>Today in the briefings' time zone.</summary>
    public DateOnly Today => options.Value.DateAt(clock.GetUtcNow());

    /// <summary>The current revision of each date, newest first; <paramref name="search"/> matches words in the text (case-insensitive).</summary>
    public async Task<Paged<BriefingRow>> ListAsync(string? search, PageRequest page, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(Permissions.ViewDashboards);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var briefings = db.MorningBriefings.AsNoTracking().Where(b => b.SupersededAt == null);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = "%" + LikeSpecial().Replace(search.Trim()[..Math.Min(search.Trim().Length, MaxSearchLength)], @"\$0") + "%";
            briefings = briefings.Where(b => EF.Functions.Like(b.Markdown, pattern, @"\"));
        }

        var total = await briefings.CountAsync(cancellationToken);
        var rows = await briefings.OrderByDescending(b => b.Date).Page(page)
            .Select(b => new { b.Date, b.Revision, b.Excerpt, b.GeneratedAt, b.IsOffline, b.FlaggedInputs })
            .ToListAsync(cancellationToken);
        var dates = rows.Select(r => r.Date).ToList();
        var ratings = await db.BriefingRatings.AsNoTracking().Where(r => dates.Contains(r.Date))
            .GroupBy(r => r.Date).Select(g => new { Date = g.Key, Average = g.Average(r => (double)r.Stars), Count = g.Count() })
            .ToDictionaryAsync(r => r.Date, cancellationToken);
        return new Paged<BriefingRow>(rows.Select(r => new BriefingRow(
            r.Date, r.Revision, r.Excerpt, r.GeneratedAt, r.IsOffline, r.FlaggedInputs.Count > 0,
            ratings.TryGetValue(r.Date, out var rating) ? Math.Round(rating.Average, 2) : null, rating?.Count ?? 0)).ToList(), total, page);
    }

    /// <summary>The briefing of <paramref name="date"/>: its current revision, or an earlier one by number. Null when there is none.</summary>
    public async Task<BriefingDetail?> GetAsync(DateOnly date, int? revision = null, CancellationToken cancellationToken = default)
    {
        var user = await guard.DemandAsync(Permissions.ViewDashboards);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var revisions = await db.MorningBriefings.AsNoTracking().Where(b => b.Date == date).OrderBy(b => b.Revision).ToListAsync(cancellationToken);
        var briefing = revision is { } number ? revisions.SingleOrDefault(b => b.Revision == number) : revisions.SingleOrDefault(b => b.IsCurrent);
        if (briefing is null)
        {
            return null;
        }

        var current = db.MorningBriefings.AsNoTracking().Where(b => b.SupersededAt == null);
        var previous = await current.Where(b => b.Date < date).OrderByDescending(b => b.Date).Select(b => (DateOnly?)b.Date).FirstOrDefaultAsync(cancellationToken);
        var next = await current.Where(b => b.Date > date).OrderBy(b => b.Date).Select(b => (DateOnly?)b.Date).FirstOrDefaultAsync(cancellationToken);
        var titles = await db.Streams.AsNoTracking().Where(s => briefing.StreamIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Title, cancellationToken);
        var sources = briefing.StreamIds
            .Select(id => new BriefingSource(id, titles.GetValueOrDefault(id), briefing.Markdown.Contains($"stream:{id}]", StringComparison.Ordinal)))
            .OrderByDescending(s => s.Cited).ToList();
        var ratings = await db.BriefingRatings.AsNoTracking().Where(r => r.Date == date).Select(r => new { r.Stars, r.UserId, r.Comment, r.RatedAt }).ToListAsync(cancellationToken);
        var userId = user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        var mine = ratings.FirstOrDefault(r => r.UserId == userId && userId is not null);

        return new BriefingDetail(
            briefing.Id, briefing.Date, briefing.Revision, briefing.IsCurrent, briefing.Markdown, briefing.TemplateVersion, briefing.PromptRunId,
            briefing.Provider, briefing.Model, briefing.IsOffline, briefing.TokensIn, briefing.TokensOut, briefing.DurationMs,
            briefing.PeriodStart, briefing.PeriodEnd, briefing.StreamsInPeriod, briefing.GeneratedBy, briefing.GeneratedAt, sources, briefing.FlaggedInputs,
            revisions.OrderByDescending(r => r.Revision).Select(r => new BriefingRevisionInfo(r.Revision, r.GeneratedAt, r.GeneratedBy, r.IsCurrent, r.SupersededAt, r.SupersededBy)).ToList(),
            previous, next,
            ratings.Count == 0 ? null : Math.Round(ratings.Average(r => r.Stars), 2), ratings.Count,
            mine is null ? null : new MyRating(mine.Stars, mine.Comment, mine.RatedAt));
    }

    /// <summary>The newest briefing there is (today's once it is written), or null before the first one.</summary>
    public async Task<BriefingDetail?> LatestAsync(CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(Permissions.ViewDashboards);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var latest = await db.MorningBriefings.AsNoTracking().Where(b => b.SupersededAt == null)
            .OrderByDescending(b => b.Date).Select(b => (DateOnly?)b.Date).FirstOrDefaultAsync(cancellationToken);
        return latest is { } date ? await GetAsync(date, null, cancellationToken) : null;
    }

    [GeneratedRegex(@"[\\%_\[]")]
    private static partial Regex LikeSpecial();
}
