using Ava.Dashboard.Features.Approvals;
using Ava.Domain.Recommendations;
using Ava.Infrastructure.Approvals;
using Ava.Infrastructure.ChangeSets;
using Bunit;

namespace Ava.Tests.Components;

public class ChangePreviewCardTests : DashboardTestContext
{
    private static readonly ChangePreview StreamUpdate = new(
        ChangeTargetType.Stream, 42, ChangeOperation.Update, "Connection pool exhaustion",
        [
            new FieldPreview("status", "Raw", "Refined", false),
            new FieldPreview("priority", "Normal", "Normal", false),
            new FieldPreview("summary", "## What\n- pool of 10\n", "## What\n- pool of 50\n", true),
        ],
        [],
        null);

    [Fact]
    public void Render_ShowsCurrentAndProposedPerField_AndMarksTheChangedOnes()
    {
        var card = Render<ChangePreviewCard>(p => p.Add(c => c.Preview, StreamUpdate));

        var status = card.Find("tr[data-field=status]");
        status.ClassList.ShouldContain("preview-changed");
        status.QuerySelector(".preview-current")!.TextContent.ShouldBe("Raw");
        status.QuerySelector(".preview-proposed")!.TextContent.ShouldBe("Refined");
        card.Find("tr[data-field=priority]").ClassList.ShouldContain("preview-unchanged");
        card.FindAll("[data-testid=changed-since], [data-testid=preview-problems]").ShouldBeEmpty();
    }

    [Fact]
    public void Render_ShowsLongTextAsALineDiff()
    {
        var card = Render<ChangePreviewCard>(p => p.Add(c => c.Preview, StreamUpdate));

        var summary = card.Find("tr[data-field=summary]");
        summary.QuerySelector(".preview-current").ShouldBeNull();
        summary.QuerySelector("del")!.TextContent.ShouldBe("−- pool of 10");
        summary.QuerySelector("ins")!.TextContent.ShouldBe("+- pool of 50");
    }

    [Fact]
    public void Render_LinksAnExistingTarget_ToItsPage()
    {
        var card = Render<ChangePreviewCard>(p => p.Add(c => c.Preview, StreamUpdate with { TargetType = ChangeTargetType.Codestone }));

        card.Find("h3 a").GetAttribute("href").ShouldBe("/codestones/42");
        card.Find("h3 a").TextContent.ShouldBe("Connection pool exhaustion");
    }

    [Fact]
    public void Render_WarnsThatTheTargetChanged_WhenItChangedSinceSubmission()
    {
        var changed = StreamUpdate with { ChangedSinceSubmission = "Changed by developer@ava.local at 2026-11-20 09:30 UTC, after this recommendation was made." };

        var card = Render<ChangePreviewCard>(p => p.Add(c => c.Preview, changed));

        card.Find("[data-testid=changed-since]").TextContent.ShouldContain("Changed by developer@ava.local at 2026-11-20 09:30 UTC");
    }

    [Fact]
    public void Render_SaysApprovingWillFail_WhenThePreviewHasProblems()
    {
        var invalid = StreamUpdate with { Problems = ["Title must be 5 to 200 characters; it has 3."] };

        var card = Render<ChangePreviewCard>(p => p.Add(c => c.Preview, invalid));

        card.Find("[data-testid=preview-problems]").TextContent.Trim().ShouldBe("Approving will fail: Title must be 5 to 200 characters; it has 3.");
    }

    [Fact]
    public void Render_ShowsANewTargetWithoutLinkOrCurrentValues()
    {
        var create = new ChangePreview(ChangeTargetType.Stream, null, ChangeOperation.Create, "Replica lag",
            [new FieldPreview("title", null, "Replica lag", false)], [], null);

        var card = Render<ChangePreviewCard>(p => p.Add(c => c.Preview, create));

        card.FindAll("h3 a").ShouldBeEmpty();
        card.Find("tr[data-field=title] .preview-current").TextContent.ShouldBe("—");
        card.Find("tr[data-field=title] .preview-proposed").TextContent.ShouldBe("Replica lag");
    }
}
