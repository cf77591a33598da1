using Ava.Domain.Health;
using Ava.Domain.Security;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Configuration;
using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Ava.Infrastructure.Health;

/// <summary>New health samples were recorded on this instance.</summary>
public sealed record HealthSampled;

/// <summary>
/// Runs every health check once and records the results (the tiles' history), then prunes samples and request
/// tallies older than <see cref="HealthOptions.HistoryDays"/>. The sample-health workflow calls it every
/// minute; an administrator can call it from the health page.
/// </summary>
public sealed class HealthSampler(
    HealthCheckService health,
    IDbContextFactory<AvaDbContext> contexts,
    PermissionGuard guard,
    IOptionsMonitor<HealthOptions> options,
    LiveUpdates updates,
    HealthTilesCache tiles,
    TimeProvider clock)
{
    public async Task<IReadOnlyList<HealthSample>> SampleAsync(CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(Permissions.ViewDashboards);
        var report = await health.CheckHealthAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var samples = report.Entries
            .Select(e => new HealthSample(e.Key, HealthCheckStates.Of(e.Value), (int)Math.Round(e.Value.Duration.TotalMilliseconds), HealthCheckStates.DescriptionOf(e.Value), now))
            .ToList();

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.HealthSamples.AddRange(samples);
        await db.SaveChangesAsync(cancellationToken);

        var cutoff = now.AddDays(-options.CurrentValue.HistoryDays);
        await db.HealthSamples.Where(s => s.SampledAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        await db.RequestTallies.Where(t => t.MinuteStart < cutoff).ExecuteDeleteAsync(cancellationToken);
        tiles.Invalidate();
        updates.Publish(new HealthSampled());
        return samples;
    }
}
