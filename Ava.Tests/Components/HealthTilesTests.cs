using Ava.Dashboard.Features.Health;
using Ava.Domain.Health;
using Ava.Domain.Security;
using Ava.Infrastructure.Health;
using Ava.Infrastructure.Metrics;
using Bunit;

namespace Ava.Tests.Components;

/// <summary>The health tiles over the app's real checks and recorded samples, and how the metrics' axis is labelled.</summary>
public sealed class HealthTilesTests : DashboardTestContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Tiles_SayThereAreNoSamplesYet_ThenAppearWhenTheSamplingRecordsSome()
    {
        var db = await UseDatabaseAsync();
        var tiles = Render<HealthTiles>(p => p.Add(t => t.ReloadSpread, TimeSpan.Zero));
        tiles.WaitForAssertion(() => tiles.Find("[data-testid=no-health-samples]").TextContent.ShouldContain("No health samples yet"), Wait);

        await db.AsAsync<HealthSampler, IReadOnlyList<HealthSample>>(db.User, s => s.SampleAsync());

        tiles.WaitForAssertion(() => tiles.FindAll("[data-testid=health-tile]").Count.ShouldBe(8), Wait);
        State(tiles, "database").ShouldBe("Healthy");
        State(tiles, "github").ShouldBe("NotConfigured");

        // No Hangfire server runs here: the check says so, and it counts against the 24 h uptime.
        State(tiles, "hangfire").ShouldBe("Unhealthy");
        Tile(tiles, "hangfire").QuerySelector("[data-testid=uptime]")!.TextContent.ShouldBe("0 %");
        Tile(tiles, "database").QuerySelector("[data-testid=uptime]")!.TextContent.ShouldBe("100 %");
        tiles.Find("[data-testid=health-state]").TextContent.ShouldBe("Unhealthy");
    }

    [Fact]
    public async Task Tiles_ShowAViewerTheStatesWithoutDetails()
    {
        var db = await UseDatabaseAsync();
        await db.AsAsync<HealthSampler, IReadOnlyList<HealthSample>>(db.User, s => s.SampleAsync());

        var tiles = Render<HealthTiles>();

        tiles.WaitForAssertion(() => tiles.FindAll("[data-testid=health-tile]").Count.ShouldBe(8), Wait);
        tiles.FindAll("[data-testid=health-description]").ShouldBeEmpty();
        Tile(tiles, "database").QuerySelector("svg[role=img]")!.GetAttribute("aria-label")!.ShouldStartWith("Response times over the last 24 hours");
    }

    [Fact]
    public async Task Tiles_ShowAnAdminEachChecksDescription()
    {
        var db = await UseDatabaseAsync();
        db.User = UserInRole(Roles.Admin);
        await db.AsAsync<HealthSampler, IReadOnlyList<HealthSample>>(db.User, s => s.SampleAsync());

        var tiles = Render<HealthTiles>();

        tiles.WaitForAssertion(() => Tile(tiles, "hangfire").QuerySelector("[data-testid=health-description]")!.TextContent
            .ShouldContain("No Hangfire server is running"), Wait);
        Tile(tiles, "github").QuerySelector("[data-testid=health-description]")!.TextContent.ShouldContain("Not configured");
    }

    [Fact]
    public async Task CompactTiles_LeaveOutTheSparkline()
    {
        var db = await UseDatabaseAsync();
        await db.AsAsync<HealthSampler, IReadOnlyList<HealthSample>>(db.User, s => s.SampleAsync());

        var tiles = Render<HealthTiles>(p => p.Add(t => t.Compact, true));

        tiles.WaitForAssertion(() => tiles.FindAll("[data-testid=health-tile]").Count.ShouldBe(8), Wait);
        tiles.FindAll("svg[role=img]").ShouldBeEmpty();
    }

    [Theory]
    [InlineData(MetricsWindow.Day, 24, 8, "HH:mm")]
    [InlineData(MetricsWindow.Week, 168, 7, "MM-dd")]
    public void AxisLabels_NameEveryFewHours_AndLeaveTheRestBlank(MetricsWindow window, int hours, int named, string format)
    {
        var now = new DateTimeOffset(2026, 12, 1, 14, 20, 0, TimeSpan.Zero);
        var buckets = new HourBuckets(now, hours);
        var report = new MetricsReport(window, buckets.Start, buckets.End, buckets.Hours, []);

        var labels = MetricsPanel.AxisLabels(report);

        labels.Length.ShouldBe(hours);
        labels.Count(l => l.Length > 0).ShouldBe(named);
        labels[0].ShouldBe(buckets.Start.UtcDateTime.ToString(format, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static AngleSharp.Dom.IElement Tile(IRenderedComponent<HealthTiles> tiles, string check) =>
        tiles.FindAll("[data-testid=health-tile]").Single(t => t.GetAttribute("data-check") == check);

    private static string? State(IRenderedComponent<HealthTiles> tiles, string check) =>
        Tile(tiles, check).QuerySelector("[data-testid=health-state]")!.GetAttribute("data-state");
}
