using Ava.Domain.Codestones;
using Ava.E2E.Infrastructure;
using Ava.E2E.Pages;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Ava.E2E.Tests;

public sealed class CodestonesTests(DashboardFixture dashboard) : BrowserTest(dashboard)
{
    [Fact]
    public async Task CodestoneDetail_ShowsHighlightedNumberedCodeWithoutEditing_WhenAViewerOpensADemoCodestone()
    {
        // Arrange
        var page = await OpenPageSignedInAsync(DemoUser.Viewer);
        var codestones = new CodestonesPage(page);
        await codestones.GotoAsync();
        await codestones.FilterByLanguageAsync(CodeLanguage.CSharp);

        // Act
        var title = await codestones.OpenTopCodestoneAsync();

        // Assert: every source line is its own numbered line at single line spacing, and the code is highlighted.
        var detail = new CodestoneDetailPage(page);
        await Expect(detail.Heading).ToHaveTextAsync(title);
        await Expect(detail.CodeLines.First).ToBeVisibleAsync();
        var lines = await detail.CaptionLineCountAsync();
        lines.ShouldBeGreaterThan(1);
        await Expect(detail.CodeLines).ToHaveCountAsync(lines);
        (await detail.GutterAsync(0)).ShouldBe("counter(line)");
        (await detail.HighlightedTokens.CountAsync()).ShouldBeGreaterThan(0);
        (await detail.LineHeightsPerLineAsync()).ShouldBeInRange(0.9, 1.1, "each source line takes one line of the code block, not two");

        // Assert: the review status reads as a word with an icon, not as an emoji that needs a colour-emoji font.
        await Expect(detail.ReviewStatus.Locator("svg")).ToBeVisibleAsync();
        await Expect(detail.ReviewStatus).Not.ToContainTextAsync(StatusLabels.Emoji());

        // Assert: a Viewer cannot change it, also once the circuit is live.
        await new DashboardLayout(page).UserMenu.WaitUntilInteractiveAsync();
        await Expect(detail.EditButton).ToHaveCountAsync(0);
        await Expect(detail.DeleteButton).ToHaveCountAsync(0);
    }
}
