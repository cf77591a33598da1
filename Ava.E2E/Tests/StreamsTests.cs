using System.Text.RegularExpressions;
using Ava.E2E.Infrastructure;
using Ava.E2E.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ava.E2E.Tests;

public sealed partial class StreamsTests(DashboardFixture dashboard) : BrowserTest(dashboard)
{
    [Fact]
    public async Task StreamsPage_ArrivesWithItsFirstPageOfRows_BeforeAnyScriptRuns()
    {
        var page = await OpenPageSignedInAsync(DemoUser.Viewer);

        // The page as the server sends it, with the browser's cookies and no script run.
        var response = await page.APIRequest.GetAsync(UrlOf("streams"));
        var html = await response.TextAsync();

        Assert.True(response.Ok, $"GET /streams answered {response.Status}.");
        Assert.Contains("data-testid=\"streams-first-page\"", html, StringComparison.Ordinal);
        var firstPage = html[html.IndexOf("data-testid=\"streams-first-page\"", StringComparison.Ordinal)..];
        Assert.Equal(25, StreamLink().Matches(firstPage[..firstPage.IndexOf("</table>", StringComparison.Ordinal)]).Count);

        // The rows' status icons come from the page's sprite, and the browser draws them: a reference to a symbol the
        // page does not hold draws nothing. Read again until drawn, as the live table takes the prerendered one's place.
        await page.GotoAsync(UrlOf("streams"));
        await page.WaitForFunctionAsync("""
            () => [...document.querySelectorAll("td[data-label='Status'] svg use")]
                .some(use => use.isConnected && use.getBBox().width > 0 && use.getBBox().height > 0)
            """, null, new() { Timeout = 15_000 });
    }

    [Fact]
    public async Task CreateStream_ShowsTheRenderedSummaryAndIsFoundBySearch_WhenADeveloperCorrectsATooShortTitle()
    {
        // Arrange: a word no other stream contains, in the title and in the summary's heading.
        var word = $"lag{Guid.NewGuid():N}"[..13];
        var title = $"Read replica {word} falls behind the primary";
        var findings = new[] { "Lag peaks at 40 s during the nightly import", "Reads keep going to the lagging replica" };
        var summary = $"## Findings {word}\n\n- {findings[0]}\n- {findings[1]}\n";
        var page = await OpenPageSignedInAsync(DemoUser.Developer);
        var streams = new StreamsPage(page);
        await streams.GotoAsync();
        var dialog = await streams.StartNewStreamAsync();

        // Act
        await dialog.TypeTitleAsync("abc");

        // Assert: the field says what is wrong while the user types.
        await Expect(dialog.Title).ToHaveAccessibleDescriptionAsync("Title must be 5 to 200 characters; it has 3.");
        await Expect(dialog.Title).ToHaveAttributeAsync("aria-invalid", "true");

        // Act
        await dialog.TypeTitleAsync(title);
        await Expect(dialog.Title).ToHaveAttributeAsync("aria-invalid", "false");
        await dialog.TypeSummaryAsync(summary);
        await dialog.CreateAsync();

        // Assert: the new stream's page, with the Markdown rendered, and the editor's actions.
        var detail = new StreamDetailPage(page);
        await Expect(page).ToHaveURLAsync(StreamAddress());
        await Expect(detail.Heading).ToHaveTextAsync(title);
        await Expect(detail.Summary.GetByRole(AriaRole.Heading, new() { Name = $"Findings {word}", Level = 2, Exact = true })).ToBeVisibleAsync();
        await Expect(detail.Summary.GetByRole(AriaRole.Listitem)).ToHaveTextAsync(findings);
        await Expect(detail.Summary).Not.ToContainTextAsync("##");
        await Expect(detail.EditButton).ToBeVisibleAsync();
        await Expect(detail.ArchiveButton).ToBeVisibleAsync();
        await Expect(detail.DeleteButton).ToBeVisibleAsync();

        // Assert: the status reads as a word with an icon, not as an emoji that needs a colour-emoji font.
        await Expect(detail.FactChip("Raw").Locator("svg")).ToBeVisibleAsync();
        await Expect(detail.Facts).Not.ToContainTextAsync(StatusLabels.Emoji());
        var address = new Uri(page.Url).AbsolutePath;
        Output.WriteLine($"Stream detail page: {await page.SaveScreenshotAsync("stream-detail")}");

        // Act
        await streams.GotoAsync();
        await Expect(streams.Rows.First).ToBeVisibleAsync();
        Output.WriteLine($"Streams list: {await page.SaveScreenshotAsync("streams-list")}");
        await streams.SearchAsync(word);

        // Assert: the search finds exactly the new stream, linked to its page.
        await Expect(streams.Rows).ToHaveCountAsync(1);
        await Expect(streams.Link(title)).ToHaveAttributeAsync("href", address);
    }

    [Fact]
    public async Task StreamPages_OfferNoWayToChangeStreams_WhenAViewerBrowsesThem()
    {
        // Arrange
        var page = await OpenPageSignedInAsync(DemoUser.Viewer);
        var streams = new StreamsPage(page);

        // Act
        await streams.GotoAsync();

        // Assert: the streams are listed, with nothing to create, select or archive.
        await Expect(streams.Heading).ToBeVisibleAsync();
        await Expect(streams.Rows.First).ToBeVisibleAsync();
        await Expect(streams.NewStreamButton).ToHaveCountAsync(0);
        await Expect(streams.RowCheckboxes).ToHaveCountAsync(0);
        await Expect(streams.ArchiveSelectedButton).ToHaveCountAsync(0);

        // Act
        var address = await streams.OpenTopStreamAsync();

        // Assert: the stream is shown, without its editing actions, also once the circuit is live.
        var detail = new StreamDetailPage(page);
        await Expect(page).ToHaveURLAsync(UrlOf(address));
        await Expect(detail.Heading).ToBeVisibleAsync();
        await Expect(detail.Summary).ToBeVisibleAsync();
        await new DashboardLayout(page).UserMenu.WaitUntilInteractiveAsync();
        await Expect(detail.EditButton).ToHaveCountAsync(0);
        await Expect(detail.ArchiveButton).ToHaveCountAsync(0);
        await Expect(detail.UnarchiveButton).ToHaveCountAsync(0);
        await Expect(detail.DeleteButton).ToHaveCountAsync(0);
    }

    [GeneratedRegex(@"/streams/\d+$")]
    private static partial Regex StreamAddress();

    /// <summary>A row's link to its stream, as the prerendered table writes it.</summary>
    [GeneratedRegex(@"<a href=""/streams/\d+""")]
    private static partial Regex StreamLink();
}
