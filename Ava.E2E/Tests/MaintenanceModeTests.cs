using Ava.E2E.Infrastructure;
using Ava.E2E.Pages;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Ava.E2E.Tests;

/// <summary>
/// Maintenance mode and the feature flags as people see them, live. On a dashboard of their own: switching them
/// would reach every other test on the shared one.
/// </summary>
public sealed class MaintenanceModeTests(SeparateDashboard dashboard) : BrowserTest(dashboard), IClassFixture<SeparateDashboard>
{
    private const string Message = "Database upgrade: back by noon.";

    [Fact]
    public async Task Viewer_SeesTheMessageAppearOnAnOpenPageAndGoWhenItEnds_WhileAnAdminKeepsWorking()
    {
        // Arrange: a Viewer reading the streams, an Admin on the settings page.
        var viewerPage = await OpenPageSignedInAsync(DemoUser.Viewer);
        var streams = new StreamsPage(viewerPage);
        await streams.GotoAsync();
        await Expect(streams.Heading).ToBeVisibleAsync();
        await viewerPage.EvaluateAsync("() => window.stillTheSamePage = true");
        var adminPage = await OpenPageSignedInAsync(DemoUser.Admin);
        var settings = new SettingsPage(adminPage);
        await settings.GotoAsync();

        // Act
        await settings.SwitchMaintenanceOnAsync(Message);

        // Assert: the Viewer's open page shows the message instead of the streams, without a reload.
        await Expect(viewerPage.GetByTestId("maintenance-message")).ToHaveTextAsync(Message);
        await Expect(streams.Heading).ToHaveCountAsync(0);
        Output.WriteLine($"Viewer during maintenance: {await viewerPage.SaveScreenshotAsync("maintenance-viewer")}");

        // Assert: the Admin keeps working, under the banner.
        var layout = new DashboardLayout(adminPage);
        await layout.SectionLink("Streams").ClickAsync();
        var adminStreams = new StreamsPage(adminPage);
        await Expect(adminStreams.Heading).ToBeVisibleAsync();
        await Expect(adminStreams.Rows.First).ToBeVisibleAsync();
        await Expect(adminPage.GetByTestId("maintenance-banner")).ToContainTextAsync(Message);
        Output.WriteLine($"Admin during maintenance: {await adminPage.SaveScreenshotAsync("maintenance-admin")}");

        // Act: the Admin ends it.
        await layout.SectionLink("Settings").ClickAsync();
        await settings.SwitchMaintenanceOffAsync();

        // Assert: the Viewer's page is back by itself, still the same page.
        await Expect(streams.Heading).ToBeVisibleAsync();
        await Expect(viewerPage.GetByTestId("maintenance-message")).ToHaveCountAsync(0);
        (await viewerPage.EvaluateAsync<bool>("() => window.stillTheSamePage === true")).ShouldBeTrue("the page was not reloaded");
        await Expect(adminPage.GetByTestId("maintenance-banner")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task SwitchingCommandExecutionOff_TakesItOutOfAnOpenNavigation_AndItsPageSaysWhoDidIt()
    {
        // Arrange
        var developerPage = await OpenPageSignedInAsync(DemoUser.Developer);
        var home = new HomePage(developerPage);
        await home.GotoAsync();
        await Expect(home.Layout.SectionLink("Execution")).ToBeVisibleAsync();
        var adminPage = await OpenPageSignedInAsync(DemoUser.Admin);
        var settings = new SettingsPage(adminPage);
        await settings.GotoAsync();

        try
        {
            // Act
            await settings.SwitchFlagAsync("Command execution", on: false);

            // Assert: gone from the Developer's open navigation, and the page says who switched it off.
            await Expect(settings.Flag("CommandExecution")).ToContainTextAsync($"Switched off by {DemoUser.Admin.Email}");
            Output.WriteLine($"Settings: {await adminPage.SaveScreenshotAsync("settings")}");
            await Expect(home.Layout.SectionLink("Execution")).ToHaveCountAsync(0);
            await developerPage.GotoAsync(ExecutionPage.Path);
            await Expect(developerPage.GetByTestId("capability-off")).ToContainTextAsync("Command execution is switched off");
            await Expect(developerPage.GetByTestId("capability-off")).ToContainTextAsync($"{DemoUser.Admin.Email} switched it off on ");
        }
        finally
        {
            await settings.SwitchFlagAsync("Command execution", on: true);
        }

        // Assert: back for the Developer.
        await Expect(settings.Flag("CommandExecution")).ToContainTextAsync("Command execution: on");
        await Expect(new ExecutionPage(developerPage).Heading).ToBeVisibleAsync();
        await Expect(home.Layout.SectionLink("Execution")).ToBeVisibleAsync();
    }
}
