using Ava.Domain.Health;
using Ava.Domain.Security;
using Ava.Infrastructure.Configuration;
using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Ava.Infrastructure.Health;

/// <summary>One point of a tile's sparkline: a stretch of time, its slowest check and its worst state.</summary>
public sealed record HealthSparkPoint(DateTimeOffset From, int? DurationMs, HealthState? State);

/// <summary>
/// One check as a tile: its latest sample, its uptime (samples not unhealthy) and sparkline over 24 h. The
/// description and the last change are details, for view_logs only.
/// </summary>
public sealed record HealthTile(
    string Name, HealthState? State, int? DurationMs, DateTimeOffset? SampledAt, bool IsStale, double? UptimePercent,
    IReadOnlyList<HealthSparkPoint> Sparkline, string? Description, DateTimeOffset? LastChangeAt);

public sealed record HealthOverview(HealthState Overall, IReadOnlyList<HealthTile> Tiles, bool ShowsDetails, DateTimeOffset? LastSampledAt, bool IsStale);

/// <summary>One check's live result, for the API.</summary>
public sealed record HealthCheckNow(string Name, HealthState State, int DurationMs, string? Description, DateTimeOffset? LastChangeAt);

public sealed record HealthNow(HealthState Overall, DateTimeOffset CheckedAt, IReadOnlyList<HealthCheckNow> Checks, bool ShowsDetails);

public sealed record HealthHistoryPoint(DateTimeOffset SampledAt, HealthState State, int DurationMs, string? Description);

/// <summary>The health tiles, history and a live check (view_dashboards; descriptions and last changes: view_logs).</summary>
public sealed class HealthQueries(
    IDbContextFactory<AvaDbContext> contexts,
    PermissionGuard guard,
    IUserContext callers,
    HealthCheckService health,
    IOptions<HealthCheckServiceOptions> checks,
    IOptionsMonitor<HealthOptions> options,
    HealthTilesCache cache,
    TimeProvider clock)
{
    public const int SparklinePoints = 48;
    public const int MaxHistoryHours = 24 * 7;

    /// <summary>The registered checks' names, in registration order.</summary>
    public IReadOnlyList<string> CheckNames => checks.Value.Registrations.Select(r => r.Name).ToList();

    /// <summary>The tiles as of the latest sampling, computed once for every page that shows them (<see cref="HealthTilesCache"/>).</summary>
    public async Task<HealthOverview> TilesAsync(CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(Permissions.ViewDashboards);
        var details = (await callers.GetUserAsync()).HasPermission(Permissions.ViewLogs);
        return await cache.GetAsync(details, () => ComputeTilesAsync(details)).WaitAsync(cancellationToken);
    }

    private async Task<HealthOverview> ComputeTilesAsync(bool details)
    {
        var cancellationToken = CancellationToken.None;
        var now = clock.GetUtcNow();
        var since = now.AddHours(-24);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var samples = (await db.HealthSamples.AsNoTracking().Where(s => s.SampledAt >= since)
                .Select(s => new { s.CheckName, s.State, s.DurationMs, s.SampledAt, s.Description })
                .ToListAsync(cancellationToken))
            .GroupBy(s => s.CheckName)
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.SampledAt).ToList(), StringComparer.Ordinal);

        var stale = TimeSpan.FromMinutes(options.CurrentValue.StaleAfterMinutes);
        var tiles = new List<HealthTile>();
        foreach (var name in CheckNames)
        {
            var own = samples.GetValueOrDefault(name) ?? [];
            var latest = own.LastOrDefault();
            var bucket = TimeSpan.FromHours(24).Ticks / SparklinePoints;
            var byBucket = own.ToLookup(s => (int)Math.Min(SparklinePoints - 1, (s.SampledAt - since).Ticks / bucket));
            var sparkline = Enumerable.Range(0, SparklinePoints).Select(i => byBucket[i].ToList() is { Count: > 0 } inBucket
                    ? new HealthSparkPoint(since.AddTicks(bucket * i), inBucket.Max(s => s.DurationMs), HealthCheckStates.Worst(inBucket.Select(s => s.State)))
                    : new HealthSparkPoint(since.AddTicks(bucket * i), null, null))
                .ToList();
            tiles.Add(new HealthTile(
                name, latest?.State, latest?.DurationMs, latest?.SampledAt, latest is null || now - latest.SampledAt > stale,
                own.Count == 0 ? null : 100.0 * own.Count(s => HealthSample.IsUp(s.State)) / own.Count,
                sparkline,
                details ? latest?.Description : null,
                details && latest is not null ? await LastChangeAsync(db, name, latest.State, cancellationToken) : null));
        }

        var lastSampled = tiles.Max(t => t.SampledAt);
        return new HealthOverview(
            HealthCheckStates.Worst(tiles.Where(t => t.State is not null).Select(t => t.State!.Value)),
            tiles, details, lastSampled, lastSampled is null || now - lastSampled > stale);
    }

    /// <summary>Runs every check now (recording nothing); with view_logs, with descriptions and when each last changed.</summary>
    public async Task<HealthNow> CheckNowAsync(CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(Permissions.ViewDashboards);
        var details = (await callers.GetUserAsync()).HasPermission(Permissions.ViewLogs);
        var report = await health.CheckHealthAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var results = new List<HealthCheckNow>();
        foreach (var (name, entry) in report.Entries)
        {
            var state = HealthCheckStates.Of(entry);
            results.Add(new HealthCheckNow(name, state, (int)Math.Round(entry.Duration.TotalMilliseconds),
                details ? HealthCheckStates.DescriptionOf(entry) : null,
                details ? await LastChangeAsync(db, name, state, cancellationToken) : null));
        }

        return new HealthNow(HealthCheckStates.Worst(results.Select(r => r.State)), clock.GetUtcNow(), results, details);
    }

    /// <summary>A check's recorded samples over the last <paramref name="hours"/> (1 to 168), oldest first.</summary>
    public async Task<IReadOnlyList<HealthHistoryPoint>> HistoryAsync(string check, int hours, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(Permissions.ViewDashboards);
        if (!CheckNames.Contains(check, StringComparer.Ordinal))
        {
            throw new Common.NotFoundException($"There is no health check named '{check}'; the checks are {string.Join(", ", CheckNames)}.");
        }

        var details = (await callers.GetUserAsync()).HasPermission(Permissions.ViewLogs);
        var since = clock.GetUtcNow().AddHours(-Math.Clamp(hours, 1, MaxHistoryHours));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.HealthSamples.AsNoTracking()
            .Where(s => s.CheckName == check && s.SampledAt >= since)
            .OrderBy(s => s.SampledAt)
            .Select(s => new HealthHistoryPoint(s.SampledAt, s.State, s.DurationMs, details ? s.Description : null))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The latest sample of every check (no permission: for the configuration status and the rules, which check their own).</summary>
    internal async Task<IReadOnlyList<HealthSample>> LatestSamplesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var latest = new List<HealthSample>();
        foreach (var name in CheckNames)
        {
            if (await db.HealthSamples.AsNoTracking().Where(s => s.CheckName == name).OrderByDescending(s => s.SampledAt).FirstOrDefaultAsync(cancellationToken) is { } sample)
            {
                latest.Add(sample);
            }
        }

        return latest;
    }

    /// <summary>When the check entered <paramref name="state"/>: the first sample after the last one in another state; null when the history holds no other state.</summary>
    private static async Task<DateTimeOffset?> LastChangeAsync(AvaDbContext db, string name, HealthState state, CancellationToken cancellationToken)
    {
        var samples = db.HealthSamples.AsNoTracking().Where(s => s.CheckName == name);
        var lastOther = await samples.Where(s => s.State != state).OrderByDescending(s => s.SampledAt)
            .Select(s => (DateTimeOffset?)s.SampledAt).FirstOrDefaultAsync(cancellationToken);
        if (lastOther is null)
        {
            return null;
        }

        return await samples.Where(s => s.SampledAt > lastOther).OrderBy(s => s.SampledAt)
            .Select(s => (DateTimeOffset?)s.SampledAt).FirstOrDefaultAsync(cancellationToken);
    }
}
