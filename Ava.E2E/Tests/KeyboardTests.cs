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

    [GeneratedRegex(@"/changesets/\d+$")]
    private static partial Regex ChangeSetAddress();
}
