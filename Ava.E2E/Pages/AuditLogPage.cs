using System.Globalization;
using Ava.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Ava.E2E.Pages;

/// <summary>The audit log at <c>/audit</c> (view_logs): filters, the events table, details, chain verification, CSV export.</summary>
public sealed class AuditLogPage(IPage page)
{
    public const string Path = "/audit";

    /// <summary>The headers of the events table, in order.</summary>
    public static readonly string[] Columns = ["#", "Time (UTC)", "User", "Action", "Resource", "Outcome", "Error"];

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Audit log", Level = 1, Exact = true });

    /// <summary>The data rows of the "Audit events" table (not its header row).</summary>
    public ILocator EventRows =>
        page.GetByLabel("Audit events", new() { Exact = true }).GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Cell) });

    /// <summary>The rows of events recorded for <paramref name="userName"/>.</summary>
    public ILocator RowsOf(string userName) =>
        EventRows.Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = userName, Exact = true }) });

    /// <summary>The details drawer of the event opened last.</summary>
    public ILocator Details => page.GetByTestId("audit-detail");

    public ILocator VerifyChainButton => page.GetByRole(AriaRole.Button, new() { Name = "Verify chain", Exact = true });

    public ILocator ChainResult => page.GetByTestId("chain-result");

    public ILocator ExportCsvLink => page.GetByRole(AriaRole.Link, new() { Name = "Export CSV of the filtered events", Exact = true });

    private ILocator UserFilter => page.GetByRole(AriaRole.Textbox, new() { Name = "User", Exact = true });

    public ILocator DetailsHeading(long sequence) =>
        page.GetByRole(AriaRole.Heading, new() { Name = $"Event #{sequence}", Exact = true });

    /// <summary>The cells of <paramref name="row"/>, in the order of <see cref="Columns"/>.</summary>
    public static ILocator Cells(ILocator row) => row.GetByRole(AriaRole.Cell);

    /// <summary>The cell of <paramref name="row"/> under the column headed <paramref name="column"/>.</summary>
    public static ILocator Cell(ILocator row, string column) => Array.IndexOf(Columns, column) switch
    {
        -1 => throw new ArgumentOutOfRangeException(nameof(column), column, "The events table has no such column."),
        var index => Cells(row).Nth(index),
    };

    /// <summary>The number in the "#" column of <paramref name="row"/>: the event's place in the chain.</summary>
    public static async Task<long> SequenceOfAsync(ILocator row) =>
        long.Parse(await Cell(row, "#").InnerTextAsync(), CultureInfo.InvariantCulture);

    public async Task GotoAsync() => await page.GotoAsync(Path);

    /// <summary>Types into the "User" filter, which matches part of the user name.</summary>
    public async Task FilterByUserAsync(string text)
    {
        await UserFilter.WaitUntilInteractiveAsync();
        await UserFilter.FillAsync(text);
    }

    public async Task FilterByActionAsync(string action) => await ChooseAsync("Action", action);

    /// <summary>Chooses "All", "Success" or "Failure".</summary>
    public async Task FilterByOutcomeAsync(string outcome) => await ChooseAsync("Outcome", outcome);

    public async Task OpenDetailsAsync(ILocator row) => await row.ClickWhenInteractiveAsync();

    public async Task VerifyChainAsync() => await VerifyChainButton.ClickWhenInteractiveAsync();

    /// <summary>Downloads the CSV export of the current filters through the browser and returns its text.</summary>
    public async Task<string> ExportCsvAsync()
    {
        var download = await page.RunAndWaitForDownloadAsync(() => ExportCsvLink.ClickAsync());
        if (await download.FailureAsync() is { } failure)
        {
            throw new InvalidOperationException($"The CSV download failed: {failure}.");
        }

        return await File.ReadAllTextAsync(await download.PathAsync());
    }

    private async Task ChooseAsync(string select, string option)
    {
        // A select's click handler sits on a wrapper, not on its combobox element; the page's own
        // button shows when the circuit has attached the handlers of the whole page.
        await VerifyChainButton.WaitUntilInteractiveAsync();
        await page.GetByRole(AriaRole.Combobox, new() { Name = select, Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }
}
