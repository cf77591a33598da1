using System.Text.RegularExpressions;
using Ava.Dashboard.Components.Shared.Labels;
using Ava.Domain.Codestones;
using Ava.E2E.Infrastructure;
using Ava.E2E.Pages;
using Ava.Infrastructure.Codestones;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ava.E2E.Tests;

/// <summary>
/// An AI code review from the button to the approval queue and back: the offline generator reviews the code on the
/// dashboard's own Hangfire server, its recommendation waits for an approver, and approving it is what changes the
/// codestone, until the changeset is rolled back.
/// </summary>
public sealed partial class CodeReviewsTests(DashboardFixture dashboard) : BrowserTest(dashboard)
{
    private const string CleanCode = "def add(a, b):\n    \"\"\"Add two numbers.\"\"\"\n    return a + b\n";

    [Fact]
    public async Task Review_BecomesARecommendationThatChangesTheCodestoneOnlyOnceApproved_AndItsChangesetRollsBack()
    {
        // Arrange: a developer's new codestone, never reviewed.
        var title = $"Adds two numbers {Guid.NewGuid().ToString("N")[..8]}";
        var codestone = await App.AsAsync<CodestoneService, CodestoneDetail>(DemoUser.Developer, s => s.CreateAsync(
            new CodestoneValues(title, CodeLanguage.Python, CleanCode, null, ReviewStatus.Draft, null)));
        var developerPage = await OpenPageSignedInAsync(DemoUser.Developer);
        var detail = new CodestoneDetailPage(developerPage);
        await detail.GotoAsync(codestone.Id);
        await Expect(detail.Reviews).ToHaveCountAsync(0);

        // Act: the developer asks for a review.
        await detail.RequestReviewAsync();

        // Assert: the review appears and reaches its end on the same page, without reloading it.
        await Expect(detail.Reviews).ToHaveCountAsync(1);
        await Expect(detail.LatestReviewStatus).ToHaveTextAsync("Completed", new() { Timeout = 60_000 });
        await Expect(detail.Reviews.First).ToContainTextAsync("Offline generator");
        await Expect(detail.Reviews.First).ToContainTextAsync($"Recommends {CodestoneLabels.Of(ReviewStatus.Approved)}");
        await Expect(detail.ReviewStatus).ToHaveTextAsync(CodestoneLabels.Of(ReviewStatus.Draft));

        // Assert: the run and its stages on the workflows page.
        var workflowsPage = await OpenPageSignedInAsync(DemoUser.Developer);
        var workflows = new WorkflowsPage(workflowsPage);
        await workflows.GotoAsync();
        var run = workflows.LatestRun("code-review");
        await Expect(run.Status).ToHaveTextAsync("Succeeded");
        await Expect(run.ProgressCaption).ToHaveTextAsync("3 / 3");
        await Expect(run.Stage).ToHaveTextAsync(ReviewedStage());

        // Act: the developer follows the review to its recommendation.
        await detail.LatestReviewRecommendation.ClickAsync();

        // Assert: pending, with the change it proposes and the review beside it; a developer cannot decide.
        var approval = new ApprovalDetailPage(developerPage);
        await Expect(developerPage).ToHaveURLAsync(ApprovalAddress());
        var recommendationId = long.Parse(ApprovalAddress().Match(developerPage.Url).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await Expect(approval.Status).ToHaveTextAsync("Pending");
        await Expect(approval.PreviewSections).ToHaveCountAsync(1);
        await Expect(approval.PreviewSections.First).ToContainTextAsync("Approved");
        await Expect(developerPage.GetByRole(AriaRole.Heading, new() { Name = "The review behind it" })).ToBeVisibleAsync();
        await new DashboardLayout(developerPage).UserMenu.WaitUntilInteractiveAsync();
        await Expect(approval.ApproveButton).ToBeDisabledAsync();

        // Act: an Admin approves it.
        var adminPage = await OpenPageSignedInAsync(DemoUser.Admin);
        var adminApproval = new ApprovalDetailPage(adminPage);
        await adminApproval.GotoAsync(recommendationId);
        var changeSetId = await adminApproval.ApproveAsync();

        // Assert: only now has the codestone the review status and ECL the review proposed.
        var codestonePage = new CodestoneDetailPage(adminPage);
        await codestonePage.GotoAsync(codestone.Id);
        await Expect(codestonePage.ReviewStatus).ToHaveTextAsync(CodestoneLabels.Of(ReviewStatus.Approved));
        await Expect(codestonePage.Ecl).Not.ToHaveTextAsync("ECL: —");

        // Act: the Admin rolls the changeset back.
        var changeSet = new ChangeSetDetailPage(adminPage);
        await changeSet.GotoAsync(changeSetId);
        await changeSet.RollBackAsync("The review should be repeated with a real model.");

        // Assert: the codestone is as it was before the approval.
        await Expect(changeSet.Facts).ToContainTextAsync("Rolled back");
        await codestonePage.GotoAsync(codestone.Id);
        await Expect(codestonePage.ReviewStatus).ToHaveTextAsync(CodestoneLabels.Of(ReviewStatus.Draft));
        await Expect(codestonePage.Ecl).ToHaveTextAsync("ECL: —");
        Output.WriteLine($"Codestone with its review: {await adminPage.SaveScreenshotAsync("codestone-review")}");
    }

    [GeneratedRegex(@"/approvals/(\d+)$")]
    private static partial Regex ApprovalAddress();

    [GeneratedRegex(@"^Reviewed: ECL \d\.\d\d$")]
    private static partial Regex ReviewedStage();
}
