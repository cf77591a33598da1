using Ava.E2E.Infrastructure;
using Ava.E2E.Pages;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Ava.E2E.Tests;

public sealed class ExecutionQueueTests(DashboardFixture dashboard) : BrowserTest(dashboard)
{
    [Fact]
    public async Task Admin_RunsACommand_AndWatchesItsOutputArriveWhileItRuns()
    {
        // Arrange: system-activity is a demo command (vmstat): one line of figures a second.
        var page = await OpenPageSignedInAsync(DemoUser.Admin);
        var queue = new ExecutionPage(page);
        var run = new ExecutionRunPage(page);
        await queue.GotoAsync();

        // Act
        await queue.RunAsync("system-activity", new Dictionary<string, string> { ["seconds"] = "8" });

        // Assert: the run's page follows the command while it runs: the header line is there, the run is still going.
        await Expect(page).ToHaveURLAsync(ExecutionRunPage.Address());
        await Expect(run.Heading).ToHaveTextAsync("Run #" + page.Url.Split('/')[^1] + ": system-activity");
        await Expect(run.Output).ToContainTextAsync("procs", new() { Timeout = 30_000 });
        await Expect(run.Status).ToHaveTextAsync("Running");
        await Expect(run.LiveBadge.First).ToBeVisibleAsync();
        var whileRunning = (await run.Output.InnerTextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;

        // Assert: it ends by itself with every line, and the page says so without a reload.
        await Expect(run.Status).ToHaveTextAsync("Succeeded", new() { Timeout = 60_000 });
        var lines = (await run.Output.InnerTextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(2 + 8, "vmstat prints two header lines and one line a second");
        lines.Length.ShouldBeGreaterThan(whileRunning, "more output arrived after the page first showed some");
        await Expect(run.CancelButton).ToHaveCountAsync(0);
        Output.WriteLine($"Run page: {await page.SaveScreenshotAsync("execution-run")}");

        // Assert: the history lists it.
        await queue.GotoAsync();
        await Expect(queue.Runs.First).ToContainTextAsync("system-activity 8");
        await Expect(queue.Runs.First).ToContainTextAsync("Succeeded");
    }

    [Fact]
    public async Task Developer_SeesTheQueueAndARun_ButCannotRunOrCancel()
    {
        // Arrange: a run of the demo history.
        var page = await OpenPageSignedInAsync(DemoUser.Developer);
        var queue = new ExecutionPage(page);
        var run = new ExecutionRunPage(page);

        // Act
        await queue.GotoAsync();

        // Assert: the queue and its history are there, without a way to run anything.
        await Expect(queue.Heading).ToBeVisibleAsync();
        await Expect(queue.Runs.First).ToBeVisibleAsync();
        await Expect(queue.RunButton).ToHaveCountAsync(0);
        await Expect(page.GetByText("running commands needs the execute_commands permission")).ToBeVisibleAsync();

        // Assert: a run waiting for approval shows no Approve or Cancel to a Developer.
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Status", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Awaiting approval", Exact = true }).ClickAsync();
        await Expect(queue.Runs.First).ToContainTextAsync("list-accounts");
        await queue.Runs.First.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page).ToHaveURLAsync(ExecutionRunPage.Address());
        await Expect(run.Status).ToHaveTextAsync("Awaiting approval");
        await Expect(run.CancelButton).ToHaveCountAsync(0);
        await Expect(run.ApproveButton).ToHaveCountAsync(0);
    }
}
