using System.Globalization;
using System.Text.RegularExpressions;
using Ava.Dashboard.Components.Shared.Labels;
using Ava.Domain.Streams;
using Ava.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Ava.E2E.Pages;

/// <summary>
/// The streams list at <c>/streams</c> (view_streams): filters, a server-paged table, and for update_streams
/// the "New stream" button and row selection for archiving.
/// </summary>
public sealed partial class StreamsPage(IPage page)
{
    public const string Path = "/streams";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Intelligence streams", Level = 1, Exact = true });

    public ILocator NewStreamButton => page.GetByRole(AriaRole.Button, new() { Name = "New stream", Exact = true });

    public ILocator ArchiveSelectedButton => page.GetByRole(AriaRole.Button, new() { NameRegex = ArchiveSelected() });

    public ILocator SearchBox => page.GetByRole(AriaRole.Textbox, new() { Name = "Search title and summary", Exact = true });

    /// <summary>The streams on the current page of the table: every row that links to a stream.</summary>
    public ILocator Rows => Table.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link) });

    /// <summary>Selection checkboxes, the "Select all rows" one included.</summary>
    public ILocator RowCheckboxes => Table.GetByRole(AriaRole.Checkbox);

    // MudTable puts its aria-label on the element around the <table>, not on the table itself.
    private ILocator Table => page.GetByLabel("Streams", new() { Exact = true }).GetByRole(AriaRole.Table);

    private ILocator CreatedHeader => Table.GetByRole(AriaRole.Columnheader, new() { Name = "Created", Exact = true });

    private ILocator TopStreamLink => Rows.First.GetByRole(AriaRole.Link);

    private ILocator LoadingBar => Table.GetByRole(AriaRole.Progressbar);

    // The pager's "1-25 of 200" caption.
    private ILocator PagerCaption => page.GetByText(PagerCaptionText());

    public ILocator Link(string title) => Table.GetByRole(AriaRole.Link, new() { Name = title, Exact = true });

    public async Task GotoAsync()
    {
        await page.GotoAsync(Path);
        await SearchBox.WaitUntilInteractiveAsync();
    }

    /// <summary>Opens the "New stream" dialog.</summary>
    public async Task<NewStreamDialog> StartNewStreamAsync()
    {
        await NewStreamButton.ClickWhenInteractiveAsync();
        var dialog = new NewStreamDialog(page);
        await Assertions.Expect(dialog.Root).ToBeVisibleAsync();
        return dialog;
    }

    /// <summary>Types into the search box; the list follows after its debounce, so assert on <see cref="Rows"/>.</summary>
    public async Task SearchAsync(string text)
    {
        await SearchBox.WaitUntilInteractiveAsync();
        await SearchBox.FillAsync(text);
    }

    /// <summary>Shows only streams with <paramref name="status"/> and waits until the table does.</summary>
    public async Task FilterByStatusAsync(StreamStatus status)
    {
        var label = StreamLabels.Of(status);

        var select = page.GetByRole(AriaRole.Combobox, new() { Name = "Status", Exact = true });
        await select.WaitUntilInteractiveAsync();
        await select.SelectOptionAsync(new SelectOptionValue { Label = label });

        var otherStatus = Rows.Filter(new() { HasNot = page.GetByRole(AriaRole.Cell, new() { Name = label, Exact = true }) });
        await Assertions.Expect(otherStatus).ToHaveCountAsync(0);
        await Assertions.Expect(LoadingBar).ToHaveCountAsync(0);
    }

    /// <summary>Sorts by the Created column, oldest first, and waits until the table is sorted that way.</summary>
    public async Task SortOldestFirstAsync()
    {
        await CreatedHeader.GetByText("Created", new() { Exact = true }).ClickWhenInteractiveAsync();

        // MudBlazor shows the sort direction only as the class of the arrow icon; there is no aria-sort.
        await Assertions.Expect(CreatedHeader.Locator("svg.mud-direction-asc")).ToBeVisibleAsync();
        await Assertions.Expect(LoadingBar).ToHaveCountAsync(0);
    }

    /// <summary>How many streams match the current filters, as the pager reports it.</summary>
    public async Task<int> CountAsync()
    {
        await Assertions.Expect(LoadingBar).ToHaveCountAsync(0);
        var caption = PagerCaptionText().Match(await PagerCaption.InnerTextAsync());
        return int.Parse(caption.Groups["total"].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>The Created dates of the rows on the current page, top to bottom.</summary>
    public async Task<IReadOnlyList<DateOnly>> CreatedDatesAsync()
    {
        // Each MudTd carries its column's DataLabel; the Created column shows a date without time.
        var texts = await Rows.Locator("td[data-label='Created']").AllInnerTextsAsync();
        return texts.Select(text => DateOnly.ParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
    }

    /// <summary>The address of the stream in the top row, e.g. <c>/streams/42</c>.</summary>
    public async Task<string> TopStreamAddressAsync() =>
        await TopStreamLink.GetAttributeAsync("href")
            ?? throw new InvalidOperationException("The top row's title links nowhere.");

    /// <summary>Opens the stream in the top row by its title and returns the address it links to.</summary>
    public async Task<string> OpenTopStreamAsync()
    {
        var address = await TopStreamAddressAsync();
        await TopStreamLink.ClickAsync();
        return address;
    }

    [GeneratedRegex(@"^Archive selected \(\d+\)$")]
    private static partial Regex ArchiveSelected();

    [GeneratedRegex(@"^\d+-\d+ of (?<total>\d+)$")]
    private static partial Regex PagerCaptionText();
}
