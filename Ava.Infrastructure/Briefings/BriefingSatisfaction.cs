using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Prompts;
using Microsoft.EntityFrameworkCore;

namespace Ava.Infrastructure.Briefings;

/// <summary>
/// The "satisfaction" of a morning_briefing version: the average of the readers' ratings (1–5) given in
/// the period to briefings that version wrote. A reader who changes a rating counts once, for the
/// revision rated last.
/// </summary>
internal sealed class BriefingSatisfaction : IPromptOutcomeSource
{
    public async Task<IReadOnlyDictionary<long, VersionOutcomes>> ReadAsync(
        AvaDbContext db, IReadOnlyCollection<long> versionIds, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var ratings = await db.BriefingRatings.AsNoTracking()
            .Where(r => versionIds.Contains(r.TemplateVersionId) && r.RatedAt >= from && r.RatedAt < to)
            .GroupBy(r => r.TemplateVersionId)
            .Select(g => new { VersionId = g.Key, Average = g.Average(r => (double)r.Stars), Count = g.Count() })
            .ToListAsync(cancellationToken);
        return ratings.ToDictionary(r => r.VersionId, r => new VersionOutcomes(Math.Round(r.Average, 2), r.Count, null, 0));
    }
}
