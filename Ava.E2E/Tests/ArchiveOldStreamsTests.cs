using System.Globalization;
using System.Text.RegularExpressions;
using Ava.Dashboard.Components.Shared.Labels;
using Ava.Domain.Streams;
using Ava.E2E.Infrastructure;
using Ava.E2E.Pages;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Ava.E2E.Tests;

public sealed partial class ArchiveOldStreamsTests(DashboardFixture dashboard) : BrowserTest(dashboard)
{
    private const string ArchiveOldStreams = "archive-old-streams";

    // Workflows:ArchiveAfterDays; the dashboard under test runs with the default.
    private const int ArchiveAfterDays = 30;

    [Fact]
    public async Task RunNow_ArchivesEveryStreamOlderThan30Days_WhenAnAdminStartsArchiveOldStreams()
    {
        // Arrange: whatever ran before, one old stream is surely left to archive: the oldest archived
        // stream, unarchived again.
        var cutoff = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-ArchiveAfterDays));
        var page = await OpenPageSignedInAsync(DemoUser.Admin);
        var streams = new StreamsPage(page);
        var detail = new StreamDetailPage(page);
        var workflows = new WorkflowsPage(page);

        await streams.GotoAsync();
        await streams.FilterByStatusAsync(StreamStatus.Archived);
        await streams.SortOldestFirstAsync();
        (await streams.CreatedDatesAsync())[0].ShouldBeLessThan(cutoff, "the demo data has archived streams older than the cutoff");
        var oldStream = await streams.TopStreamAddressAsync();
        await detail.GotoAsync(oldStream);
        await detail.UnarchiveAsync();

        await streams.GotoAsync();
        await streams.FilterByStatusAsync(StreamStatus.Archived);
        var archivedBefore = await streams.CountAsync();

        await workflows.GotoAsync();
        var runsBefore = await workflows.Runs(ArchiveOldStreams).CountAsync();

        // Act
        await workflows.RunNowAsync(ArchiveOldStreams);

        // Assert: a new run, followed live until it has processed all it found.
        await Expect(workflows.Runs(ArchiveOldStreams)).ToHaveCountAsync(runsBefore + 1);
        var run = workflows.LatestRun(ArchiveOldStreams);
        await Expect(run.Status).ToHaveTextAsync("Succeeded", new() { Timeout = 60_000 });
        await Expect(run.ProgressCaption).ToHaveTextAsync(AllProcessed());
        await Expect(run.ProgressBar).ToHaveAttributeAsync("aria-valuenow", "100");
        Output.WriteLine($"Workflow runs: {await page.SaveScreenshotAsync("workflows")}");
        var archivedByRun = int.Parse(AllProcessed().Match(await run.ProgressCaption.InnerTextAsync()).Groups["processed"].Value, CultureInfo.InvariantCulture);
        archivedByRun.ShouldBeGreaterThan(0);

        // Assert: the old stream is archived again, and the archive grew by at least the run's count.
        await detail.GotoAsync(oldStream);
        await Expect(detail.Facts).ToContainTextAsync(StreamLabels.Of(StreamStatus.Archived));
        await Expect(detail.UnarchiveButton).ToBeVisibleAsync();

        await streams.GotoAsync();
        await streams.FilterByStatusAsync(StreamStatus.Archived);
        (await streams.CountAsync()).ShouldBeGreaterThanOrEqualTo(archivedBefore + archivedByRun);

        // Assert: no stream older than the cutoff is left outside the archive.
        await streams.SortOldestFirstAsync();
        foreach (var status in new[] { StreamStatus.Raw, StreamStatus.Refined })
        {
            await streams.FilterByStatusAsync(status);
            var created = await streams.CreatedDatesAsync();
            created.ShouldNotBeEmpty();
            created.ShouldBeInOrder(SortDirection.Ascending, $"{status} streams are sorted oldest first");
            created[0].ShouldBeGreaterThanOrEqualTo(cutoff, $"the oldest {status} stream is not older than {ArchiveAfterDays} days");
        }
    }

    [GeneratedRegex(@"^\s*(?<processed>\d+) / \k<processed>\s*$")]
    private static partial Regex AllProcessed();
}
