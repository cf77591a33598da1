using AngleSharp.Dom;
using Ava.Dashboard.Features.Approvals;
using Ava.Tests.TestData;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using static Ava.Tests.TestData.ApprovalScenario;

namespace Ava.Tests.Components;

public class ApprovalsPageTests : DashboardTestContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Render_ListsPendingRecommendationsNewestFirst_WithTheBandCounts()
    {
        var (scenario, db, streamId) = await ArrangeAsync();
        var ready = await scenario.SubmitAsync(0.82, UpdateStream(streamId, ("status", "Refined")));
        var review = await scenario.SubmitAsync(0.55, UpdateStream(streamId, ("priority", "High")));
        await scenario.SubmitAsync(0.2, UpdateStream(streamId, ("priority", "Low")));
        scenario.AsDeveloper();

        var page = RenderPage(db);

        page.WaitForAssertion(() => RowLinks(page).ShouldBe([$"/approvals/{review.Id}", $"/approvals/{ready.Id}"]), Wait);
        var top = page.FindAll("tbody tr")[0];
        top.QuerySelector("td[data-label=Confidence]")!.TextContent.Trim().ShouldBe("0.55 Needs review");
        top.QuerySelector("td[data-label=Change]")!.TextContent.ShouldBe("priority → High");
        top.QuerySelector("td[data-label=Age] time")!.GetAttribute("title").ShouldEndWith(" UTC");
        TileCount(page, "Ready").ShouldBe("1");
        TileCount(page, "NeedsReview").ShouldBe("1");
        TileCount(page, "Escalated").ShouldBe("1");
    }

    [Fact]
    public async Task QuickFilter_ShowsTheEscalatedRecommendations_AndASecondClickGoesBackToPending()
    {
        var (scenario, db, streamId) = await ArrangeAsync();
        var pending = await scenario.SubmitAsync(0.82, UpdateStream(streamId, ("status", "Refined")));
        var escalated = await scenario.SubmitAsync(0.2, UpdateStream(streamId, ("priority", "Low")));
        scenario.AsDeveloper();
        var page = RenderPage(db);
        page.WaitForAssertion(() => RowLinks(page).ShouldBe([$"/approvals/{pending.Id}"]), Wait);

        await Tile(page, "Escalated").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => RowLinks(page).ShouldBe([$"/approvals/{escalated.Id}"]), Wait);
        Tile(page, "Escalated").GetAttribute("aria-pressed").ShouldBe("true");

        await Tile(page, "Escalated").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => RowLinks(page).ShouldBe([$"/approvals/{pending.Id}"]), Wait);
    }

    [Fact]
    public async Task Render_ShowsANewSubmissionWithoutReload()
    {
        var (scenario, db, streamId) = await ArrangeAsync();
        scenario.AsDeveloper();
        var page = RenderPage(db);
        page.WaitForAssertion(() => page.Markup.ShouldContain("Nothing is waiting for a decision."), Wait);

        var submitted = await scenario.SubmitAsync(0.9, UpdateStream(streamId, ("status", "Refined")));

        page.WaitForAssertion(() => RowLinks(page).ShouldBe([$"/approvals/{submitted.Id}"]), Wait);
        TileCount(page, "Ready").ShouldBe("1");
    }

    [Fact]
    public async Task Pager_ChangesTheRowsPerPage_AndTurnsThePages()
    {
        // Arrange: twelve pending recommendations, one for each of twelve streams.
        var (scenario, db, _) = await ArrangeAsync();
        for (var i = 0; i < 12; i++)
        {
            var stream = await scenario.CreateStreamAsync();
            await scenario.SubmitAsync(0.82, UpdateStream(stream.Id, ("status", "Refined")));
        }

        scenario.AsDeveloper();
        var page = RenderPage(db);
        page.WaitForAssertion(() => PagerInfo(page).ShouldBe("1-12 of 12"), Wait);
        PagerButton(page, "Next page").HasAttribute("disabled").ShouldBeTrue();

        // Act
        page.Find("[data-testid=table-pager] select").Change("10");

        // Assert
        page.WaitForAssertion(() => PagerInfo(page).ShouldBe("1-10 of 12"), Wait);
        RowLinks(page).Length.ShouldBe(10);
        PagerButton(page, "Previous page").HasAttribute("disabled").ShouldBeTrue();

        // Act
        await PagerButton(page, "Next page").ClickAsync(new MouseEventArgs());

        // Assert
        page.WaitForAssertion(() => PagerInfo(page).ShouldBe("11-12 of 12"), Wait);
        RowLinks(page).Length.ShouldBe(2);
        PagerButton(page, "Next page").HasAttribute("disabled").ShouldBeTrue();
        PagerButton(page, "Last page").HasAttribute("disabled").ShouldBeTrue();

        // Act
        await PagerButton(page, "First page").ClickAsync(new MouseEventArgs());

        // Assert
        page.WaitForAssertion(() => PagerInfo(page).ShouldBe("1-10 of 12"), Wait);
        RowLinks(page).Length.ShouldBe(10);
    }

    private static string PagerInfo(IRenderedComponent<ApprovalsPage> page) => page.Find("[data-testid=pager-info]").TextContent;

    private static IElement PagerButton(IRenderedComponent<ApprovalsPage> page, string label) =>
        page.Find($"[data-testid=table-pager] button[aria-label='{label}']");

    private async Task<(ApprovalScenario Scenario, ServiceDatabase Db, long StreamId)> ArrangeAsync()
    {
        var db = await UseDatabaseAsync();
        var scenario = new ApprovalScenario(db);
        var stream = await scenario.CreateStreamAsync();
        return (scenario, db, stream.Id);
    }

    private IRenderedComponent<ApprovalsPage> RenderPage(ServiceDatabase db)
    {
        Render<MudPopoverProvider>();
        return Render<ApprovalsPage>(p => p.AddCascadingValue(StateOf(db.User)));
    }

    private static string[] RowLinks(IRenderedComponent<ApprovalsPage> page) =>
        page.FindAll("tbody tr td[data-label=Target] a").Select(a => a.GetAttribute("href") ?? "").ToArray();

    private static IElement Tile(IRenderedComponent<ApprovalsPage> page, string band) => page.Find($"[data-testid=band-{band}]");

    private static string TileCount(IRenderedComponent<ApprovalsPage> page, string band) =>
        Tile(page, band).QuerySelector(".band-tile-count")!.TextContent;
}
