using Ava.Dashboard.Components.Shared.Labels;
using Ava.Domain.Recommendations;
using Ava.Domain.Streams;
using Ava.E2E.Infrastructure;
using Ava.E2E.Pages;
using Ava.Infrastructure.Approvals;
using Ava.Infrastructure.Streams;
using static Microsoft.Playwright.Assertions;

namespace Ava.E2E.Tests;

/// <summary>
/// Changesets and tickets in the browser. Each test prepares its own recommendation through the app's services
/// (the demo seed is not theirs to rely on) and then works only in the browser.
/// </summary>
public sealed class ChangeSetsTests(DashboardFixture dashboard) : BrowserTest(dashboard)
{
    private const string OriginalSummary = "## Findings\n- backlog grows by 2k messages a minute\n- consumers restart every 10 minutes\n";
    private const string ProposedSummary = "## Findings\n- backlog grows by 2k messages a minute\n- consumers run out of memory and restart\n- prefetch of 500 is the cause\n";

    [Fact]
    public async Task ApproveThenRollBack_RestoresTheStreamsEarlierValues_WhenAnAdminApprovesAndThenRollsBack()
    {
        // Arrange: a stream, and a confident recommendation to rename it, raise its priority and rewrite its summary.
        var app = App;
        var original = NewStream("Queue backlog after the deploy");
        var stream = await app.AsAsync<StreamService, StreamDetail>(DemoUser.Developer, s => s.CreateAsync(original));
        var submitted = await app.AsAsync<RecommendationIntake, SubmissionResult>(DemoUser.Developer, s => s.SubmitAsync(
            Recommendation(0.9, stream.Id, ("title", $"{original.Title} (root cause found)"), ("priority", "High"), ("summary", ProposedSummary))));
        var page = await OpenPageSignedInAsync(DemoUser.Admin);
        var approval = new ApprovalDetailPage(page);
        await approval.GotoAsync(submitted.Id);

        // Act: approve in the browser; the page lands on the new changeset.
        var changeSetId = await approval.ApproveAsync();
        var detail = new ChangeSetDetailPage(page);
        await Expect(detail.Heading).ToHaveTextAsync($"Changeset #{changeSetId}");

        // Assert: the written fields are marked, and the summary is diffed line by line.
        await Expect(detail.Facts).ToContainTextAsync("Applied");
        await Expect(detail.WrittenMark("Stream", stream.Id, "title")).ToBeVisibleAsync();
        await Expect(detail.WrittenMark("Stream", stream.Id, "priority")).ToBeVisibleAsync();
        await Expect(detail.WrittenMark("Stream", stream.Id, "source")).ToHaveCountAsync(0);
        await Expect(detail.RemovedLines("Stream", stream.Id, "summary")).ToHaveTextAsync(["- consumers restart every 10 minutes"]);
        await Expect(detail.AddedLines("Stream", stream.Id, "summary"))
            .ToHaveTextAsync(["- consumers run out of memory and restart", "- prefetch of 500 is the cause"]);
        Output.WriteLine($"Changeset detail: {await page.SaveScreenshotAsync("changeset-detail")}");

        // Act
        await detail.RollBackAsync("The root cause is still being investigated.");

        // Assert: rolled back once and for all, with the reason shown.
        await Expect(detail.Facts).ToContainTextAsync("Rolled back");
        await Expect(detail.RollbackFacts).ToContainTextAsync("Reason: “The root cause is still being investigated.”");
        await Expect(detail.RollBackButton).ToBeDisabledAsync();

        // Act
        var streamPage = new StreamDetailPage(page);
        await streamPage.GotoAsync($"/streams/{stream.Id}");

        // Assert: the stream has its title, priority and summary from before the changeset again.
        await Expect(streamPage.Heading).ToHaveTextAsync(original.Title);
        await Expect(streamPage.Facts).ToContainTextAsync($"Priority: {StreamLabels.Of(original.Priority)}");
        await Expect(streamPage.Summary).ToContainTextAsync("consumers restart every 10 minutes");
        await Expect(streamPage.Summary).Not.ToContainTextAsync("prefetch");

        // The list shows the changeset as rolled back.
        var changeSets = new ChangeSetsPage(page);
        await changeSets.GotoAsync();
        await Expect(changeSets.Row(changeSetId)).ToContainTextAsync("Rolled back");
        Output.WriteLine($"Changesets list: {await page.SaveScreenshotAsync("changesets-list")}");
    }

    [Fact]
    public async Task RollBack_ShowsTheConflictTableAndKeepsTheChangeset_WhenTheStreamWasEditedAfterIt()
    {
        // Arrange: an approved change of priority, then a developer changes the priority again by hand.
        var app = App;
        var stream = await app.AsAsync<StreamService, StreamDetail>(DemoUser.Developer, s => s.CreateAsync(NewStream("Disk fills on the build agents")));
        var changeSetId = await ApplyAsync(app, stream.Id, ("priority", "High"), ("status", "Refined"));
        var applied = await app.AsAsync<StreamService, StreamDetail?>(DemoUser.Developer, s => s.GetAsync(stream.Id));
        await app.AsAsync<StreamService, StreamDetail>(DemoUser.Developer, s => s.UpdateAsync(stream.Id, applied!.Values with { Priority = StreamPriority.Now }, applied.Version));
        var page = await OpenPageSignedInAsync(DemoUser.Admin);
        var detail = new ChangeSetDetailPage(page);
        await detail.GotoAsync(changeSetId);

        // Act
        await detail.RollBackAsync("Raised by mistake.");

        // Assert: refused, with the one conflicting field, and nothing rolled back.
        await Expect(detail.ConflictAlert).ToContainTextAsync("Nothing was rolled back: 1 field was changed after this changeset was applied.");
        await Expect(detail.ConflictRows).ToHaveCountAsync(1);
        await Expect(detail.ConflictRows.First.GetByRole(Microsoft.Playwright.AriaRole.Cell)).ToHaveTextAsync([$"Stream #{stream.Id}", "priority", "Now", "High"]);
        await Expect(detail.Facts).ToContainTextAsync("Applied");
        await Expect(detail.RollBackButton).ToBeEnabledAsync();
        Output.WriteLine($"Rollback conflict: {await page.SaveScreenshotAsync("changeset-rollback-conflict")}");
    }

    [Fact]
    public async Task StartWork_MovesTheTicketToInProgress_WhenAnAdminOpensAnEscalatedRecommendationsTicket()
    {
        // Arrange: a recommendation so unsure that it is escalated at once, which opens a ticket.
        var app = App;
        var stream = await app.AsAsync<StreamService, StreamDetail>(DemoUser.Developer, s => s.CreateAsync(NewStream("Flaky login on the staging cluster")));
        var submitted = await app.AsAsync<RecommendationIntake, SubmissionResult>(DemoUser.Developer, s => s.SubmitAsync(Recommendation(0.2, stream.Id, ("status", "Archived"))));
        var number = submitted.TicketNumber ?? throw new InvalidOperationException("The escalation opened no ticket.");
        var page = await OpenPageSignedInAsync(DemoUser.Admin);
        var tickets = new TicketsPage(page);
        await tickets.GotoAsync();
        var ticket = await tickets.OpenAsync(number);
        await Expect(ticket.Facts).ToContainTextAsync("Open");
        await Expect(ticket.Body).ToContainTextAsync(stream.Values.Title);

        // Act
        await ticket.StartWorkAsync();

        // Assert: in progress, and the next step is to resolve it.
        await Expect(ticket.Facts).ToContainTextAsync("In progress");
        await Expect(ticket.ResolveButton).ToBeVisibleAsync();
        await Expect(ticket.StartWorkButton).ToHaveCountAsync(0);
        Output.WriteLine($"Ticket detail: {await page.SaveScreenshotAsync("ticket-detail")}");
    }

    private static StreamValues NewStream(string title) =>
        new($"{title} {Guid.NewGuid():N}"[..(title.Length + 9)], StreamSource.GitHub, StreamStatus.Raw, StreamPriority.Normal, OriginalSummary, 0.4, ["e2e"]);

    private static RecommendationSubmission Recommendation(double confidence, long streamId, params (string Field, string? Value)[] fields) =>
        new([new SubmittedChange("stream", streamId, fields.Select(f => new FieldChange(f.Field, f.Value)).ToList())],
            "The incident notes point to a different cause.", confidence, "triage");

    /// <summary>Submits a confident recommendation as a developer and approves it as the admin; returns the changeset.</summary>
    private static async Task<long> ApplyAsync(ServiceDatabase app, long streamId, params (string Field, string? Value)[] fields)
    {
        var submitted = await app.AsAsync<RecommendationIntake, SubmissionResult>(DemoUser.Developer, s => s.SubmitAsync(Recommendation(0.9, streamId, fields)));
        return await app.AsAsync<RecommendationDecisions, long>(DemoUser.Admin, s => s.ApproveAsync(submitted.Id));
    }
}
