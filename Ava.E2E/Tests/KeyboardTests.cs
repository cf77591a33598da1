using System.Text.RegularExpressions;
using Ava.Domain.Recommendations;
using Ava.Domain.Streams;
using Ava.E2E.Infrastructure;
using Ava.E2E.Pages;
using Ava.Infrastructure.Approvals;
using Ava.Infrastructure.Streams;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ava.E2E.Tests;

/// <summary>The approval loop with the keyboard alone: Tab to move, Enter and Space to act, typing for the reason.</summary>
public sealed partial class KeyboardTests(DashboardFixture dashboard) : BrowserTest(dashboard)
{
    [Fact]
    public async Task ApproveThenRollBack_WorksWithTheKeyboardAlone_WhenAnAdminReviewsARecommendation()
    {
        // Arrange: a recommendation in the "needs review" band, so that approving asks to confirm the review first.
        var title = $"Queue consumers stall after the broker upgrade {Guid.NewGuid():N}"[..56];
        var stream = await App.AsAsync<StreamService, StreamDetail>(DemoUser.Developer, s => s.CreateAsync(new StreamValues(
            title, StreamSource.GitHub, StreamStatus.Raw, StreamPriority.Normal, "Consumers stall for 30 s after each reconnect.", 0.4, ["e2e"])));
        var submitted = await App.AsAsync<RecommendationIntake, SubmissionResult>(DemoUser.Developer, s => s.SubmitAsync(new RecommendationSubmission(
            [new SubmittedChange("stream", stream.Id, [new FieldChange("priority", "High")])], "The stalls match the reconnect storms.", 0.6, "triage")));
        var page = await OpenPageSignedInAsync(DemoUser.Admin);
        var queue = new ApprovalsPage(page);
        var recommendation = new ApprovalDetailPage(page);
        var changeSet = new ChangeSetDetailPage(page);
        await queue.GotoAsync();

        // Act: open it from the queue.
        await page.TabToAndPressAsync(queue.Row(title).GetByRole(AriaRole.Link, new() { Name = title, Exact = true }));

        // Assert
        await Expect(page).ToHaveURLAsync(UrlOf($"/approvals/{submitted.Id}"));
        await Expect(recommendation.Heading).ToHaveTextAsync($"Recommendation #{submitted.Id}");

        // Act: Approve opens the dialog; Space ticks the review box, Enter approves.
        await page.TabToAndPressAsync(recommendation.ApproveButton);
        await Expect(recommendation.ApproveDialog).ToBeVisibleAsync();
        await page.TabToAndPressAsync(recommendation.ReviewedCheckbox, "Space");
        await Expect(recommendation.ReviewedCheckbox).ToBeCheckedAsync();
        await page.TabToAndPressAsync(recommendation.ConfirmApproveButton);

        // Assert: the page lands on the new changeset.
        await Expect(page).ToHaveURLAsync(ChangeSetAddress());
        await Expect(changeSet.Facts).ToContainTextAsync("Applied");

        // Act: Roll back opens its dialog; the reason is typed, Enter on the dialog's button rolls back.
        await page.TabToAndPressAsync(changeSet.RollBackButton);
        await Expect(changeSet.RollbackDialog).ToBeVisibleAsync();
        await page.TabToAsync(changeSet.RollbackReason);
        await page.Keyboard.TypeAsync("Raised before the broker team confirmed the cause.");
        await page.TabToAndPressAsync(changeSet.ConfirmRollBackButton);

        // Assert
        await Expect(changeSet.RollbackDialog).ToBeHiddenAsync();
        await Expect(changeSet.Facts).ToContainTextAsync("Rolled back");
        await Expect(changeSet.RollbackFacts).ToContainTextAsync("Raised before the broker team confirmed the cause.");
    }

    [Fact]
    public async Task UserMenu_OpensMovesAndClosesWithTheKeyboard()
    {
        // Arrange
        var page = await OpenPageSignedInAsync(DemoUser.Developer);
        var home = new HomePage(page);
        await home.GotoAsync();
        var layout = home.Layout;
        var items = layout.UserMenuItems;

        // Act: Enter on the menu's button opens it with the focus on its first item.
        await page.TabToAndPressAsync(layout.UserMenu);

        // Assert
        await Expect(items).ToHaveTextAsync(["Account settings", "API tokens", "API reference", "Sign out"]);
        await Expect(items.Nth(0)).ToBeFocusedAsync();
        await Expect(layout.UserMenu).ToHaveAttributeAsync("aria-expanded", "true");

        // Act and assert: the arrow keys move through the items and wrap around; Home and End go to either end.
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(items.Nth(1)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("End");
        await Expect(items.Nth(3)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(items.Nth(0)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowUp");
        await Expect(items.Nth(3)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Home");
        await Expect(items.Nth(0)).ToBeFocusedAsync();

        // Act: Escape closes it.
        await page.Keyboard.PressAsync("Escape");

        // Assert: the focus is back on the button, which Enter opens again; Enter on an item follows it.
        await Expect(items).ToHaveCountAsync(0);
        await Expect(layout.UserMenu).ToBeFocusedAsync();
        await Expect(layout.UserMenu).ToHaveAttributeAsync("aria-expanded", "false");
        await page.Keyboard.PressAsync("Enter");
        await Expect(items.Nth(0)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(UrlOf("/Account/Manage/ApiTokens"));
    }

    [Fact]
    public async Task NavigationDrawer_ClosesAndOpensWithItsButton_OnAWideScreen()
    {
        // Arrange: the tests' screen is 1280 px wide; there the drawer starts open beside the page.
        var page = await OpenPageSignedInAsync(DemoUser.Viewer);
        var home = new HomePage(page);
        await home.GotoAsync();
        var layout = home.Layout;
        await Expect(layout.SectionLink("Streams")).ToBeVisibleAsync();
        await page.WaitForFunctionAsync(MainContentStartsAt, 240);

        // Act
        await page.TabToAndPressAsync(layout.NavigationToggle);

        // Assert: the drawer is gone, its links out of the Tab order, and the page takes the whole width.
        await Expect(layout.SectionLink("Streams")).ToBeHiddenAsync();
        await Expect(layout.NavigationToggle).ToHaveAttributeAsync("aria-expanded", "false");
        await page.WaitForFunctionAsync(MainContentStartsAt, 0);

        // Act
        await page.Keyboard.PressAsync("Enter");

        // Assert
        await Expect(layout.SectionLink("Streams")).ToBeVisibleAsync();
        await Expect(layout.NavigationToggle).ToHaveAttributeAsync("aria-expanded", "true");
        await page.WaitForFunctionAsync(MainContentStartsAt, 240);
    }

    /// <summary>The page's content starts this far from the left edge (the drawer's width when it is open beside it).</summary>
    private const string MainContentStartsAt = "left => Math.abs(document.querySelector('.mud-main-content').getBoundingClientRect().left - left) < 1";

    [GeneratedRegex(@"/changesets/\d+$")]
    private static partial Regex ChangeSetAddress();
}
