using Ava.E2E.Infrastructure;
using Ava.E2E.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ava.E2E.Tests;

public sealed class HealthTests(DashboardFixture dashboard) : BrowserTest(dashboard)
{
    private static readonly LocatorAssertionsToBeVisibleOptions FirstSample = new() { Timeout = 120_000 };

    [Fact]
    public async Task Viewer_SeesATilePerCheck_WithoutDetailsOrAlerts()
    {
        // Arrange
        var page = await OpenPageSignedInAsync(DemoUser.Viewer);
        var health = new HealthPage(page);

        // Act
        await health.GotoAsync();

        // Assert: the sampling workflow runs every minute; its first samples arrive on the open page.
        await Expect(health.Tile("Database")).ToBeVisibleAsync(FirstSample);
        await Expect(health.TileState("Database")).ToHaveTextAsync("Healthy");
        await Expect(health.TileState("GitHub")).ToHaveTextAsync("Not configured");
        await Expect(health.Tiles).ToHaveCountAsync(8);
        await Expect(page.GetByTestId("health-description")).ToHaveCountAsync(0);
        await Expect(health.AlertsHeading).ToHaveCountAsync(0);
        await Expect(health.MetricTabs).ToHaveTextAsync(["Recommendations", "Changesets", "Workflows", "AI", "Requests", "Briefings"]);
    }

    [Fact]
    public async Task Admin_AcknowledgesAnAlertWithANote_AndSilencesAnother()
    {
        // Arrange: two users refused five times each raise two security alerts, as the app records them.
        var noisy = $"noisy-{Guid.NewGuid():N}@test.local";
        var quiet = $"quiet-{Guid.NewGuid():N}@test.local";
        await App.RaiseSecurityAlertAsync(noisy);
        await App.RaiseSecurityAlertAsync(quiet);
        var page = await OpenPageSignedInAsync(DemoUser.Admin);
        var health = new HealthPage(page);
        await health.GotoAsync();
        await Expect(health.AlertRow(noisy)).ToContainTextAsync("Needs someone");

        // Act
        await health.AcknowledgeAsync(noisy, "Their script used an old token; fixed.");
        await health.SilenceAsync(quiet, DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));

        // Assert
        await Expect(health.AlertRow(noisy)).ToContainTextAsync($"Acknowledged by {DemoUser.Admin.Email}");
        await Expect(health.AlertRow(noisy)).ToContainTextAsync("“Their script used an old token; fixed.”");
        await Expect(health.AlertRow(quiet)).ToContainTextAsync("Silenced until");
        Output.WriteLine($"Health page: {await page.SaveScreenshotAsync("health-admin")}");
    }
}
