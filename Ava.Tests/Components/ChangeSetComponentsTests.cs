using Ava.Dashboard.Features.Approvals;
using Ava.Dashboard.Features.ChangeSets;
using Ava.Domain.ChangeSets;
using Ava.Domain.Recommendations;
using Ava.Infrastructure.Approvals;
using Ava.Infrastructure.ChangeSets;
using Bunit;

namespace Ava.Tests.Components;

/// <summary>The changeset detail's parts over plain data: the field table, the line diff of long text and the conflict table.</summary>
public class ChangeSetComponentsTests : DashboardTestContext
{
    private const string SummaryBefore = "## What\n- pool of 10\n- 40 workers\n";
    private const string SummaryAfter = "## What\n- pool of 50\n- 40 workers\n- alert at 80% use\n";

    [Fact]
    public void RecordSection_HighlightsExactlyTheFieldsTheChangesetWrote_WhenItUpdatedSomeFields()
    {
        var record = Update(
            new FieldDiff("title", "Connection pool exhaustion", "Connection pool exhaustion (resolved)", Written: true, IsLongText: false),
            new FieldDiff("source", "GitHub", "GitHub", Written: false, IsLongText: false),
            new FieldDiff("priority", "Normal", "Low", Written: true, IsLongText: false),
            new FieldDiff("summary", SummaryBefore, SummaryBefore, Written: false, IsLongText: true));

        var section = Render<ChangeRecordSection>(p => p.Add(s => s.Record, record));

        var written = section.FindAll("tr.field-written").Select(r => r.GetAttribute("data-field")).ToList();
        written.ShouldBe(["title", "priority"]);
        section.FindAll(".written-badge").Count.ShouldBe(2);
        var title = section.Find("tr[data-field=title]");
        title.QuerySelector(".value-before")!.TextContent.ShouldBe("Connection pool exhaustion");
        title.QuerySelector(".value-after")!.TextContent.ShouldBe("Connection pool exhaustion (resolved)");
        section.Find("tr[data-field=source]").QuerySelectorAll(".value-before, .value-after").ShouldBeEmpty();
        section.Find("a[href='/streams/12']").TextContent.ShouldBe("Open stream #12");
        section.Markup.ShouldContain("2 of 4 fields written by this changeset.");
    }

    [Fact]
    public void RecordSection_ShowsALongTextAsTheSameLineDiffAsThePreview_WhenItChanged()
    {
        var section = Render<ChangeRecordSection>(p => p.Add(s => s.Record, Update(new FieldDiff("summary", SummaryBefore, SummaryAfter, Written: true, IsLongText: true))));

        var diff = section.Find("tr[data-field=summary] .text-diff");
        diff.GetAttribute("aria-label").ShouldBe("Changes to summary");
        diff.QuerySelectorAll("del").Select(e => e.TextContent).ShouldBe(["−- pool of 10"]);
        diff.QuerySelectorAll("ins").Select(e => e.TextContent).ShouldBe(["+- pool of 50", "+- alert at 80% use"]);
        diff.QuerySelectorAll(".text-diff-line:not(ins):not(del)").Select(e => e.TextContent.Trim()).ShouldBe(["## What", "- 40 workers"]);
    }

    [Fact]
    public void RecordSection_ShowsAnEmptyBeforeAndEveryLineAdded_ForACreate()
    {
        var record = new ChangeRecordView(2, ChangeTargetType.Codestone, 7, ChangeOperation.Create, "Pool sizing helper",
            [
                new FieldDiff("title", null, "Pool sizing helper", Written: true, IsLongText: false),
                new FieldDiff("code", null, "def size(workers):\n    return workers * 2\n", Written: true, IsLongText: true),
            ], null, null);

        var section = Render<ChangeRecordSection>(p => p.Add(s => s.Record, record));

        section.Find("tr[data-field=title] td").TextContent.ShouldBe("—");
        var code = section.Find("tr[data-field=code]");
        code.QuerySelectorAll("del").ShouldBeEmpty();
        code.QuerySelectorAll("ins").Select(e => e.TextContent).ShouldBe(["+def size(workers):", "+    return workers * 2"]);
        section.Find("a[href='/codestones/7']").ShouldNotBeNull();
        section.Markup.ShouldContain("Created by this changeset");
    }

    [Fact]
    public void ConflictAlert_ListsEveryConflictWithTheValueNowAndTheValueWritten_WhenARollbackWasRefused()
    {
        var refused = new RollbackConflictException(
        [
            new RollbackConflict("Stream #12", 12, "priority", "Now", "High"),
            new RollbackConflict("Stream #12", 12, "tags", null, "database, resolved"),
        ]);

        var alert = Render<RollbackConflictAlert>(p => p.Add(a => a.Conflict, refused));

        alert.Markup.ShouldContain("Nothing was rolled back: 2 fields were changed after this changeset was applied.");
        alert.FindAll("thead th").Select(h => h.TextContent).ShouldBe(["Entity", "Field", "Value now", "Value the changeset wrote"]);
        var rows = alert.FindAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent).ToArray()).ToList();
        rows.ShouldBe([["Stream #12", "priority", "Now", "High"], ["Stream #12", "tags", "—", "database, resolved"]]);
    }

    [Fact]
    public void ConflictAlert_RendersNothing_WhenThereIsNoConflict()
    {
        var alert = Render<RollbackConflictAlert>(p => p.Add(a => a.Conflict, null));

        alert.Markup.Trim().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("admin_role", "granted by the Admin role")]
    [InlineData("AdminRole", "granted by the Admin role")]
    [InlineData("approver_claim", "granted by the approver capability")]
    [InlineData("ApproverClaim", "granted by the approver capability")]
    public void Header_NamesTheGrant_InEitherSpellingTheRecordsUse(string recorded, string shown)
    {
        var summary = new ChangeSetRow(4, 9, ChangeTargetType.Codestone, "Retry with jitter", 1, ChangeSetComplexity.Simple, ChangeSetStatus.Applied,
            "admin@ava.local", new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero), null, null);

        var header = Render<ChangeSetHeader>(p => p.Add(h => h.Detail, new ChangeSetDetail(summary, recorded, "Because.", "code_review", 0.9, null, [])));

        header.Markup.ShouldContain($"by admin@ava.local at 2026-11-20 09:30 UTC, {shown}");
        header.Find("dl.changeset-facts dd").TextContent.ShouldBe("Retry with jitter (Codestone)");
    }

    [Theory]
    [InlineData("admin_role", "Allowed by the Admin role.")]
    [InlineData("AdminRole", "Allowed by the Admin role.")]
    [InlineData("ApproverClaim", "Allowed by the approver capability.")]
    public void DecisionSummary_NamesTheGrantOfAnApproval_InEitherSpelling(string recorded, string shown)
    {
        var approved = new RecommendationDetail(9, ChangeTargetType.Stream, "Connection pool exhaustion", "Because.", 0.9, ConfidenceBand.Ready, "triage",
            "developer@ava.local", DateTimeOffset.UnixEpoch, RecommendationStatus.Applied, "admin@ava.local", DateTimeOffset.UnixEpoch, recorded, 4, null, null, [], [], Guid.Empty);

        var summary = Render<DecisionSummary>(p => p.Add(d => d.Recommendation, approved));

        summary.Find(".decision-reason").TextContent.ShouldBe(shown);
    }

    private static ChangeRecordView Update(params FieldDiff[] fields) =>
        new(1, ChangeTargetType.Stream, 12, ChangeOperation.Update, "Connection pool exhaustion (resolved)", fields, null, null);
}
