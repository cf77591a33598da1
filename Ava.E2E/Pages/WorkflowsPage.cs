using Ava.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Ava.E2E.Pages;

/// <summary>
/// The workflow-run history at <c>/workflows</c> (view_execution_queue), newest run first; an Admin
/// (execute_commands) can start a recurring workflow with "Run now".
/// </summary>
public sealed class WorkflowsPage(IPage page)
{
    public const string Path = "/workflows";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Workflow runs", Level = 1, Exact = true });

    public ILocator RunNowMenu => page.GetByRole(AriaRole.Button, new() { Name = "Run now", Exact = true });

    // MudTable puts its aria-label on the element around the <table>, not on the table itself.
    private ILocator Table => page.GetByLabel("Workflow runs", new() { Exact = true }).GetByRole(AriaRole.Table);

    /// <summary>The runs of <paramref name="workflow"/> on the first page of the history, newest first.</summary>
    public ILocator Runs(string workflow) =>
        Table.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = workflow, Exact = true }) });

    public Run LatestRun(string workflow) => new(Runs(workflow).First);

    /// <summary>Opens the page and waits until the live circuit has loaded the history.</summary>
    public async Task GotoAsync()
    {
        await page.GotoAsync(Path);
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Status", Exact = true }).WaitUntilInteractiveAsync();
        // The table's own loading bar, not the "Progress" bars of runs that report progress.
        await Assertions.Expect(Table.Locator("[role=progressbar]:not([aria-label])")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("Loading runs…")).ToHaveCountAsync(0);
    }

    /// <summary>Chooses <paramref name="workflow"/> in the "Run now" menu and confirms.</summary>
    public async Task RunNowAsync(string workflow)
    {
        await RunNowMenu.ClickWhenInteractiveAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = workflow, Exact = true }).ClickAsync();

        var confirmation = page.GetByRole(AriaRole.Dialog, new() { Name = "Run workflow", Exact = true });
        await Assertions.Expect(confirmation).ToContainTextAsync($"Run {workflow} now?");
        await confirmation.GetByRole(AriaRole.Button, new() { Name = "Run now", Exact = true }).ClickAsync();
        await Assertions.Expect(confirmation).ToBeHiddenAsync();
    }

    /// <summary>One row of the workflow-run history.</summary>
    public sealed class Run(ILocator row)
    {
        public ILocator Status => Cell("Status");

        public ILocator ProgressBar => Cell("Progress").GetByRole(AriaRole.Progressbar, new() { Name = "Progress", Exact = true });

        /// <summary>"processed / total", shown once the run knows its total.</summary>
        public ILocator ProgressCaption => Cell("Progress").GetByText(" / ");

        /// <summary>What the run is doing, or what it did last, for workflows that report stages.</summary>
        public ILocator Stage => Cell("Progress").GetByTestId("run-stage");

        // Each MudTd carries its column's DataLabel.
        private ILocator Cell(string column) => row.Locator($"td[data-label='{column}']");
    }
}
