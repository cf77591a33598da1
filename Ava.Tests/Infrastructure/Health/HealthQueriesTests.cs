using Ava.Domain.Health;
using Ava.Domain.Security;
using Ava.Infrastructure.Health;
using Ava.Infrastructure.Metrics;
using Ava.Tests.TestData;

namespace Ava.Tests.Infrastructure.Health;

/// <summary>What a tile says, from the recorded samples at a test clock's time: uptime over 24 h, the sparkline, staleness, details.</summary>
public sealed class HealthQueriesTests : IAsyncLifetime
{
    private OperationsDatabase _ops = default!;

    public async ValueTask InitializeAsync() => _ops = await OperationsDatabase.CreateAsync();

    public ValueTask DisposeAsync() => _ops.DisposeAsync();

    [Fact]
    public async Task Tile_CountsUptimeOverTheLast24Hours_WithDegradedAsUp()
    {
        await _ops.SampleAsync("disk", HealthState.Unhealthy, TimeSpan.FromHours(25));
        await _ops.SampleAsync("disk", HealthState.Healthy, TimeSpan.FromHours(20));
        await _ops.SampleAsync("disk", HealthState.Unhealthy, TimeSpan.FromHours(10));
        await _ops.SampleAsync("disk", HealthState.Degraded, TimeSpan.FromHours(5));
        await _ops.SampleAsync("disk", HealthState.Healthy, TimeSpan.FromMinutes(1), "plenty free");

        var tile = (await TilesAsync()).Tiles.Single(t => t.Name == "disk");

        tile.UptimePercent.ShouldBe(75);
        (tile.State, tile.SampledAt, tile.IsStale).ShouldBe((HealthState.Healthy, _ops.Now.AddMinutes(-1), false));
        tile.Description.ShouldBe("plenty free");
        tile.LastChangeAt.ShouldBe(_ops.Now.AddMinutes(-1));
    }

    [Fact]
    public async Task Sparkline_HasAPointPerHalfHour_WithTheWorstStateAndSlowestResponseOfEach()
    {
        await _ops.SampleAsync("database", HealthState.Healthy, TimeSpan.FromMinutes(10));
        await _ops.SampleAsync("database", HealthState.Degraded, TimeSpan.FromMinutes(5));

        var sparkline = (await TilesAsync()).Tiles.Single(t => t.Name == "database").Sparkline;

        sparkline.Count.ShouldBe(HealthQueries.SparklinePoints);
        sparkline[^1].State.ShouldBe(HealthState.Degraded);
        sparkline[^1].DurationMs.ShouldBe(3);
        sparkline.Take(HealthQueries.SparklinePoints - 1).ShouldAllBe(p => p.State == null && p.DurationMs == null);
    }

    [Fact]
    public async Task Overview_IsStale_WhenTheLastSampleIsOlderThanFiveMinutes()
    {
        await _ops.SampleAsync("database", HealthState.Healthy, TimeSpan.FromMinutes(4));
        (await TilesAsync()).IsStale.ShouldBeFalse();

        _ops.Clock.Advance(TimeSpan.FromMinutes(2));

        var overview = await TilesAsync();
        overview.IsStale.ShouldBeTrue();
        overview.Tiles.Single(t => t.Name == "database").IsStale.ShouldBeTrue();
        overview.Tiles.Single(t => t.Name == "github").State.ShouldBeNull("never sampled");
    }

    [Fact]
    public async Task Tile_KeepsTheDetailsForViewLogs()
    {
        await _ops.SampleAsync("disk", HealthState.Degraded, TimeSpan.FromMinutes(1), "900 MB free in /var/lib/ava");
        _ops.Db.User = ServiceDatabase.Principal("viewer@ava.local", Roles.Viewer);

        var tile = (await TilesAsync()).Tiles.Single(t => t.Name == "disk");

        (tile.State, tile.Description, tile.LastChangeAt).ShouldBe((HealthState.Degraded, null, null));
    }

    [Fact]
    public void HourBuckets_EndWithTheHourInProgress_AndRatesAreNullForAnHourWithoutOutcomes()
    {
        var hours = new HourBuckets(new DateTimeOffset(2026, 12, 1, 14, 20, 0, TimeSpan.Zero), 24);
        var at = new DateTimeOffset(2026, 12, 1, 14, 5, 0, TimeSpan.Zero);

        var rate = hours.Rate("r", "Rate", [(at, true), (at, false), (at.AddHours(-2), true)]);

        hours.Start.ShouldBe(new DateTimeOffset(2026, 11, 30, 15, 0, 0, TimeSpan.Zero));
        hours.IndexOf(at).ShouldBe(23);
        hours.IndexOf(hours.Start.AddTicks(-1)).ShouldBeNull();
        rate.Values[23].ShouldBe(50);
        rate.Values[21].ShouldBe(100);
        rate.Values[22].ShouldBeNull();
        rate.Total!.Value.ShouldBe(200.0 / 3, 0.0001);
    }

    [Fact]
    public async Task Metrics_LeaveOutBriefingSatisfaction_WhileNoBriefingWasEverRated()
    {
        var report = await _ops.Db.AsAsync<MetricsQueries, MetricsReport>(_ops.Db.User, m => m.GetAsync(MetricsWindow.Day));

        report.Groups.Select(g => g.Key).ShouldBe(["recommendations", "changesets", "workflows", "ai", "requests"]);
        report.Hours.Count.ShouldBe(24);
        report.To.ShouldBe(_ops.Now);
    }

    private Task<HealthOverview> TilesAsync() => _ops.Db.AsAsync<HealthQueries, HealthOverview>(_ops.Db.User, q => q.TilesAsync());
}
