using System.Text.RegularExpressions;
using Ava.Domain.Recommendations;
using Ava.Domain.Streams;
using Ava.E2E.Infrastructure;
using Ava.E2E.Pages;
using Ava.Infrastructure.Approvals;
using Ava.Infrastructure.Streams;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Ava.E2E.Tests;

// Recommendations come from assistants, not from a page: each test submits its own through the app's
// services over the running dashboard's database (see ServiceDatabase), then works with them in the browser.
public sealed partial class ApprovalsTests(DashboardFixture dashboard) : BrowserTest(dashboard)
{
    [Fact]
    public async Task Queue_ListsTheRecommendationAndItsDetailOffersNoApproval_WhenADeveloperOpensThem()
    {
        // Arrange: a stream, and a "ready" recommendation to refine it and rewrite a line of its summary.
        var title = UniqueTitle("Cache warm-up misses the morning peak");
        var stream = await CreateStreamAsync(title, "## Findings\n- warm-up starts at 07:00\n- first requests miss the cache\n");
        var submitted = await SubmitAsync(0.86, stream.Id, ("status", "Refined"), ("priority", "High"),
            ("summary", "## Findings\n- warm-up starts at 06:30\n- first requests miss the cache\n"));
        var page = await OpenPageSignedInAsync(DemoUser.Developer);
        var approvals = new ApprovalsPage(page);

        // Act
        await approvals.GotoAsync();

        // Assert: the queue lists it, newest first, with its band.
        await Expect(approvals.Heading).ToBeVisibleAsync();
        await Expect(approvals.Rows.First).ToBeVisibleAsync();
        await Expect(approvals.Row(title)).ToContainTextAsync("0.86 Ready");
        await Expect(approvals.Row(title)).ToContainTextAsync("status → Refined");
        Output.WriteLine($"Approvals queue: {await page.SaveScreenshotAsync("approvals-queue")}");

        // Act
        var address = await approvals.OpenAsync(title);

        // Assert: the recommendation with its preview, and the actions shown but disabled, with the reason.
        var detail = new ApprovalDetailPage(page);
        await Expect(page).ToHaveURLAsync(UrlOf($"/approvals/{submitted.Id}"));
        address.ShouldBe($"/approvals/{submitted.Id}");
        await Expect(detail.Heading).ToHaveTextAsync($"Recommendation #{submitted.Id}");
        await Expect(detail.Status).ToHaveTextAsync("Pending");
        await Expect(detail.PreviewSections).ToHaveCountAsync(1);
        await Expect(detail.PreviewSections.First).ToContainTextAsync("Refined");
        await new DashboardLayout(page).UserMenu.WaitUntilInteractiveAsync();
        await Expect(detail.ApproveButton).ToBeDisabledAsync();
        await Expect(detail.RejectButton).ToBeDisabledAsync();
        await Expect(detail.EscalateButton).ToBeDisabledAsync();
        await Expect(detail.DecisionHint).ToBeVisibleAsync();
        Output.WriteLine($"Approval detail: {await page.SaveScreenshotAsync("approval-detail")}");
    }

    [Fact]
    public async Task Reject_RecordsTheReasonAndShowsRejected_WhenAnAdminGivesAReason()
    {
        // Arrange
        var stream = await CreateStreamAsync(UniqueTitle("Nightly export drops rows"), "Rows over 1 MB are dropped.");
        var submitted = await SubmitAsync(0.75, stream.Id, ("priority", "Now"));
        var reason = "Already fixed by the export rewrite; nothing to escalate.";
        var page = await OpenPageSignedInAsync(DemoUser.Admin);
        var detail = new ApprovalDetailPage(page);
        await detail.GotoAsync(submitted.Id);

        // Act
        var required = await detail.TryRejectWithoutReasonAsync();

        // Assert: no reason, no rejection.
        await Expect(required).ToBeVisibleAsync();

        // Act
        await detail.RejectAsync(reason);

        // Assert
        await Expect(detail.Status).ToHaveTextAsync("Rejected");
        await Expect(detail.Decision).ToContainTextAsync($"Reason: {reason}");
        await Expect(detail.Decision).ToContainTextAsync($"By {DemoUser.Admin.Email}");
        await Expect(detail.ApproveButton).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Escalate_OpensAHelpdeskTicketAndShowsItsNumber_WhenAnAdminEscalates()
    {
        // Arrange: "needs review" confidence, which an admin may escalate rather than approve.
        var stream = await CreateStreamAsync(UniqueTitle("Login latency doubles after deploy"), "p95 went from 200 ms to 410 ms.");
        var submitted = await SubmitAsync(0.5, stream.Id, ("status", "Refined"));
        var page = await OpenPageSignedInAsync(DemoUser.Admin);
        var detail = new ApprovalDetailPage(page);
        await detail.GotoAsync(submitted.Id);

        // Act
        await detail.EscalateAsync("high");

        // Assert: the ticket's number, linked to the ticket, on the page that stays open.
        await Expect(detail.Notice).ToContainTextAsync(TicketNumber());
        await Expect(detail.Status).ToHaveTextAsync("Escalated");
        await Expect(detail.TicketLink).ToHaveAttributeAsync("href", TicketAddress());
        await Expect(detail.Decision).ToContainTextAsync("Escalated with high urgency");
        Output.WriteLine($"Escalated recommendation: {await page.SaveScreenshotAsync("approval-escalated")}");
    }

    private static string UniqueTitle(string text) => $"{text} {Guid.NewGuid().ToString("N")[..8]}";

    private Task<StreamDetail> CreateStreamAsync(string title, string summary) =>
        App.AsAsync<StreamService, StreamDetail>(DemoUser.Developer, streams => streams.CreateAsync(new StreamValues(title, StreamSource.GitHub, StreamStatus.Raw, StreamPriority.Normal, summary, null, ["e2e"])));

    private Task<SubmissionResult> SubmitAsync(double confidence, long streamId, params (string Field, string Value)[] fields) =>
        App.AsAsync<RecommendationIntake, SubmissionResult>(DemoUser.Developer, recommendations => recommendations.SubmitAsync(new RecommendationSubmission(
            [new SubmittedChange("stream", streamId, fields.Select(f => new FieldChange(f.Field, f.Value)).ToList())],
            "The incident notes show what changed.\nSee the linked runbook.", confidence, "triage")));

    [GeneratedRegex(@"AI-ESC-\d{8}-[0-9A-F]{8}")]
    private static partial Regex TicketNumber();

    [GeneratedRegex(@"^/tickets/\d+$")]
    private static partial Regex TicketAddress();
}
