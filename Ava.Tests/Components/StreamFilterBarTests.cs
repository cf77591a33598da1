using Ava.Dashboard.Components.Shared.Labels;
using Ava.Dashboard.Features.Streams;
using Ava.Domain.Streams;
using Ava.Infrastructure.Streams;
using Bunit;

namespace Ava.Tests.Components;

public sealed class StreamFilterBarTests : DashboardTestContext
{
    private readonly List<StreamQuery> _changes = [];

    private IRenderedComponent<StreamFilterBar> RenderBar(StreamQuery? query = null) =>
        Render<StreamFilterBar>(p => p
            .Add(b => b.Query, query ?? new StreamQuery(Page: 3))
            .Add(b => b.QueryChanged, (StreamQuery changed) => _changes.Add(changed)));

    [Fact]
    public void ChoosingAStatus_FiltersByIt_FromTheFirstPage_AndAnyClearsIt()
    {
        var bar = RenderBar();

        bar.Find("#stream-filter-status").Change(nameof(StreamStatus.Archived));
        _changes.ShouldHaveSingleItem().ShouldBe(new StreamQuery(Status: StreamStatus.Archived, Page: 0));

        bar.Find("#stream-filter-status").Change("");
        _changes[^1].Status.ShouldBeNull();
    }

    [Fact]
    public void EverySelect_OffersAny_AndEveryValue_WithItsLabel()
    {
        var bar = RenderBar(new StreamQuery(Priority: StreamPriority.High));

        var priority = bar.Find("#stream-filter-priority");
        priority.GetAttribute("value").ShouldBe(nameof(StreamPriority.High));
        bar.FindAll("#stream-filter-priority option").Select(o => o.TextContent)
            .ShouldBe(["Any", .. Enum.GetValues<StreamPriority>().Select(StreamLabels.Of)]);
        bar.FindAll("#stream-filter-source option").Count.ShouldBe(Enum.GetValues<StreamSource>().Length + 1);
        bar.FindAll("#stream-filter-status option").Count.ShouldBe(Enum.GetValues<StreamStatus>().Length + 1);

        // Every field is named by its label.
        foreach (var input in bar.FindAll("input, select"))
        {
            bar.FindAll($"label[for='{input.Id}']").ShouldHaveSingleItem();
        }
    }

    [Fact]
    public void Search_FollowsOnlyOnceTypingPauses_WithTheLastText()
    {
        var bar = RenderBar();

        bar.Find("#stream-filter-text").Input("po");
        bar.Find("#stream-filter-text").Input("pool");
        _changes.ShouldBeEmpty();

        bar.WaitForAssertion(() => _changes.ShouldHaveSingleItem().Text.ShouldBe("pool"), TimeSpan.FromSeconds(5));
        Thread.Sleep(StreamFilterBar.TypingPause * 2);
        _changes.Count.ShouldBe(1);
    }

    [Fact]
    public void ClearingTheTag_DropsTheTagFilter_AtOnce()
    {
        var bar = RenderBar(new StreamQuery(Tags: ["security"]));
        bar.Find("#stream-filter-tag").GetAttribute("value").ShouldBe("security");

        bar.Find("button[aria-label='Clear tag']").Click();

        _changes.ShouldHaveSingleItem().Tags.ShouldBeNull();
        bar.FindAll("button[aria-label='Clear tag']").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("0.4", 0.4)]
    [InlineData("1.5", 1.0)]
    [InlineData("-2", 0.0)]
    [InlineData("", null)]
    [InlineData("abc", null)]
    public void AnEclBound_IsKeptBetweenZeroAndOne(string typed, double? expected)
    {
        var bar = RenderBar();

        bar.Find("#stream-filter-ecl-min").Change(typed);

        _changes.ShouldHaveSingleItem().EclMin.ShouldBe(expected);
    }
}
