using Ava.Infrastructure.Metrics;
using Ava.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ava.Infrastructure.Briefings;

/// <summary>
/// Briefing satisfaction on the health page's metrics (specification §7): the readers' ratings given in each
/// hour and their average. Absent while no briefing was ever rated.
/// </summary>
internal sealed class BriefingRatingsMetric : IMetricSource
{
    public async Task<MetricGroup?> ReadAsync(AvaDbContext db, HourBuckets hours, CancellationToken cancellationToken)
    {
        if (!await db.BriefingRatings.AnyAsync(cancellationToken))
        {
            return null;
        }

        var start = hours.Start;
        var ratings = await db.BriefingRatings.AsNoTracking().Where(r => r.RatedAt >= start)
            .Select(r => new { r.RatedAt, r.Stars })
            .ToListAsync(cancellationToken);
        return new MetricGroup("briefings", "Briefings",
        [
            hours.Counts("briefings.ratings", "Ratings", ratings.Select(r => r.RatedAt)),
            hours.Averages("briefings.satisfaction", "Satisfaction", MetricUnit.Rating, ratings.Select(r => (r.RatedAt, (double)r.Stars))),
        ]);
    }
}
