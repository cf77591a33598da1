using System.Globalization;
using System.Text.RegularExpressions;
using Ava.E2E.Infrastructure;
using Ava.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace Ava.E2E.Tests;

/// <summary>Morning briefings in the browser, over the fortnight the offline generator wrote when the demo was seeded.</summary>
public sealed partial class BriefingsTests(DashboardFixture dashboard) : BrowserTest(dashboard)
{
    private static string Today => DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task TodaysBriefing_IsReadFromTheHomePageAndRated_WhenAViewerOpensIt()
    {
        // Arrange
        var page = await OpenPageSignedInAsync(DemoUser.Viewer);
        var home = new HomePage(page);
        await home.GotoAsync();
        await Expect(home.TodaysBriefing).ToContainTextAsync("Today's briefing");
        // A link followed before the circuit is up can leave the prerendered page in place.
        await home.Layout.UserMenu.WaitUntilInteractiveAsync();

        // Act
        await home.ReadTheBriefing.ClickAsync();

        // Assert: the reader, with the text, where it came from and who wrote it.
        var briefing = new BriefingPage(page);
        await Expect(page).ToHaveURLAsync(UrlOf($"/briefings/{Today}"));
        await Expect(briefing.Heading).ToHaveTextAsync($"Morning briefing · {Today}");
        await Expect(briefing.Text.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = "Executive Summary" })).ToBeVisibleAsync();
        await Expect(briefing.OfflineNotice).ToContainTextAsync("Written by the offline generator");
        await Expect(briefing.SourceLinks.First).ToHaveAttributeAsync("href", StreamAddress());
        await Expect(briefing.PreviousDay).ToBeVisibleAsync();
        await Expect(briefing.RatingSummary).ToHaveTextAsync("Nobody has rated this briefing yet.");

        // Act
        await briefing.RateAsync(4, "The urgent items were the right ones.");

        // Assert: the rating counts, and is the reader's own when they come back.
        await Expect(briefing.RatingSummary).ToHaveTextAsync("4.0 ★ from 1 reader");
        await Expect(briefing.MyRating).ToContainTextAsync("You rated it 4 ★");
        Output.WriteLine($"Briefing: {await page.SaveScreenshotAsync("briefing-reader")}");
        await page.ReloadAsync();
        await Expect(briefing.MyRating).ToContainTextAsync("You rated it 4 ★");
        await Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Textbox, new() { Name = "Comment (optional)" })).ToHaveValueAsync("The urgent items were the right ones.");
    }

    [GeneratedRegex(@"^/streams/\d+$")]
    private static partial Regex StreamAddress();
}
