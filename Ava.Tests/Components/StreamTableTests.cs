using System.Collections.Concurrent;
using Ava.Dashboard.Features.Streams;
using Ava.Domain.Streams;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Streams;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace Ava.Tests.Components;

/// <summary>
/// The streams table's own sort: header buttons that sort ascending first and then turn round, and a select of the same
/// sorts for small screens. Every change of sort or filter reads the list again from its first page.
/// </summary>
public sealed class StreamTableTests : DashboardTestContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly ConcurrentQueue<StreamQuery> _loads = new();

    public StreamTableTests() => SetRendererInfo(new RendererInfo("Server", isInteractive: true));

    [Fact]
    public void TheList_StartsNewestFirst_AndSaysSoInItsHeader()
    {
        var table = RenderTable();

        table.WaitForAssertion(() => _loads.ShouldHaveSingleItem().ShouldBe(new StreamQuery(SortBy: StreamSortField.CreatedAt, Descending: true)), Wait);
        Header(table, "Created").GetAttribute("aria-sort").ShouldBe("descending");
        Header(table, "Title").GetAttribute("aria-sort").ShouldBe("none");
        Header(table, "Source").HasAttribute("aria-sort").ShouldBeFalse();
        table.Find("#stream-sort").GetAttribute("value").ShouldBe("CreatedAt-desc");
    }

    [Fact]
    public async Task AHeader_SortsAscendingFirst_ThenTurnsRound()
    {
        var table = RenderTable();
        table.WaitForAssertion(() => _loads.Count.ShouldBe(1), Wait);

        await SortButton(table, "Title").ClickAsync(new MouseEventArgs());
        table.WaitForAssertion(() => LastLoad().ShouldBe(new StreamQuery(SortBy: StreamSortField.Title, Descending: false)), Wait);
        Header(table, "Title").GetAttribute("aria-sort").ShouldBe("ascending");
        Header(table, "Created").GetAttribute("aria-sort").ShouldBe("none");

        await SortButton(table, "Title").ClickAsync(new MouseEventArgs());
        table.WaitForAssertion(() => LastLoad().ShouldBe(new StreamQuery(SortBy: StreamSortField.Title, Descending: true)), Wait);
        table.WaitForAssertion(() => Header(table, "Title").QuerySelector("svg.mud-direction-desc").ShouldNotBeNull(), Wait);
        table.Find("#stream-sort").GetAttribute("value").ShouldBe("Title-desc");
    }

    [Fact]
    public async Task ANewSort_ReadsTheFirstPage_WhereverThePagerWas()
    {
        var table = RenderTable();
        table.WaitForAssertion(() => _loads.Count.ShouldBe(1), Wait);
        await table.Find("[data-testid=table-pager] button[aria-label='Next page']").ClickAsync(new MouseEventArgs());
        table.WaitForAssertion(() => LastLoad().Page.ShouldBe(1), Wait);

        table.Find("#stream-sort").Change("Priority-asc");

        table.WaitForAssertion(() => LastLoad().ShouldBe(new StreamQuery(SortBy: StreamSortField.Priority, Descending: false, Page: 0)), Wait);
        table.WaitForAssertion(() => table.Find("[data-testid=pager-info]").TextContent.ShouldBe("1-25 of 60"), Wait);
    }

    [Fact]
    public void TheSmallScreenSelect_OffersEverySortBothWays()
    {
        var table = RenderTable();

        var values = table.FindAll("#stream-sort option").Select(o => o.GetAttribute("value")).ToList();

        values.ShouldBe(Enum.GetValues<StreamSortField>().SelectMany(f => new[] { $"{f}-asc", $"{f}-desc" }), ignoreOrder: true);
        table.Find("label[for=stream-sort]").TextContent.ShouldBe("Sort by");
    }

    [Fact]
    public void WhilePrerendering_TheFirstPageIsPlainRows_WithIconsFromOneSprite_AndNoLiveTable()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var table = RenderTable();

        var firstPage = table.Find("[data-testid=streams-first-page]");
        table.FindAll("table").Count.ShouldBe(1);
        table.Markup.ShouldNotContain("Loading streams");
        var rows = firstPage.QuerySelectorAll("tbody tr");
        rows.Length.ShouldBe(25);

        // Each icon is a reference to a symbol the page holds once.
        var symbols = table.FindAll("svg[style='display:none'] symbol").Select(s => s.Id).ToList();
        symbols.ShouldBeUnique();
        var uses = table.FindAll("svg use").Select(u => u.GetAttribute("href")).ToList();
        uses.Count.ShouldBe(25 + 5);
        uses.ShouldAllBe(href => href != null && symbols.Contains(href.TrimStart('#')));
        firstPage.QuerySelectorAll("path, polygon").ShouldBeEmpty();

        // The browser reports the paint of the last row, and of no other.
        table.FindAll("[elementtiming]").ShouldHaveSingleItem().ShouldBeSameAs(rows[^1].QuerySelector("td[data-label=Title]"));
        table.FindAll("[elementtiming]").Single().GetAttribute("elementtiming").ShouldBe("streams-last-row");
    }

    private IRenderedComponent<StreamTable> RenderTable()
    {
        Render<MudPopoverProvider>();
        return Render<StreamTable>(p => p.Add(t => t.Load, LoadAsync));
    }

    private Task<Paged<StreamRow>> LoadAsync(StreamQuery query, CancellationToken cancellationToken)
    {
        _loads.Enqueue(query);
        var rows = Enumerable.Range(query.Page * query.PageSize, Math.Min(query.PageSize, 60 - (query.Page * query.PageSize)))
            .Select(i => new StreamRow(i + 1, $"Stream {i:D2}", StreamSource.Manual, StreamStatus.Raw, StreamPriority.Normal, null, [], Start.AddHours(i), Start.AddHours(i)))
            .ToList();
        return Task.FromResult(new Paged<StreamRow>(rows, 60, query.Paging));
    }

    private StreamQuery LastLoad() => _loads.Last();

    private static AngleSharp.Dom.IElement Header(IRenderedComponent<StreamTable> table, string name) =>
        table.FindAll("th").Single(th => th.TextContent.Trim() == name);

    private static AngleSharp.Dom.IElement SortButton(IRenderedComponent<StreamTable> table, string name) =>
        Header(table, name).QuerySelector("button")!;
}
