using Ava.Domain.ChangeSets;
using Ava.Domain.Codestones;
using Ava.Domain.Recommendations;
using Ava.Domain.Security;
using Ava.Domain.Streams;
using Ava.Infrastructure.Approvals;
using Ava.Infrastructure.ChangeSets;
using Ava.Infrastructure.Codestones;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Security;
using Ava.Infrastructure.Streams;
using Ava.Tests.TestData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Ava.Tests.TestData.ApprovalScenario;

namespace Ava.Tests.Infrastructure.Approvals;

public sealed class ChangeSetServiceTests : ApprovalServicesTest
{
    [Fact]
    public async Task RollbackAsync_RestoresTheExactBeforeStateOfEveryRecord_ForUpdateCreateAndDelete()
    {
        var updated = await Scenario.CreateStreamAsync();
        var deleted = await Scenario.CreateStreamAsync(Sample with { Title = "A stream the assistant deletes", Status = StreamStatus.Archived, Tags = ["old", "noise"] });
        var before = new[] { await FieldsJsonAsync(updated.Id), await FieldsJsonAsync(deleted.Id) };
        var deletedRow = await RowAsync(deleted.Id);
        var submitted = await Scenario.SubmitAsync(0.9,
            UpdateStream(updated.Id, ("title", "Connection pool exhaustion (resolved)"), ("summary", "## What\n- pool of 50\n"), ("tags", "database, resolved"), ("ecl_score", "0.9")),
            new SubmittedChange("stream", null, [new FieldChange("title", "Follow-up: pool sizing guide"), new FieldChange("priority", "High")]),
            new SubmittedChange("stream", deleted.Id, [], "delete"));
        var changeSetId = await Scenario.ApproveAsync(submitted.Id);
        var changeSet = (await Scenario.GetChangeSetAsync(changeSetId))!;
        changeSet.Summary.Complexity.ShouldBe(ChangeSetComplexity.Complex);
        var createdId = changeSet.Records.Single(r => r.Operation == ChangeOperation.Create).EntityId;
        (await Scenario.GetStreamAsync(deleted.Id)).ShouldBeNull();

        await Scenario.Use<ChangeSetService>(s => s.RollbackAsync(changeSetId, "The incident is not resolved after all."));

        (await FieldsJsonAsync(updated.Id)).ShouldBe(before[0]);
        (await FieldsJsonAsync(deleted.Id)).ShouldBe(before[1]);
        (await RowAsync(deleted.Id)).ShouldBe(deletedRow);
        (await Scenario.GetStreamAsync(createdId)).ShouldBeNull();
        var rolledBack = (await Scenario.GetChangeSetAsync(changeSetId))!;
        rolledBack.Summary.Status.ShouldBe(ChangeSetStatus.RolledBack);
        rolledBack.RollbackReason.ShouldBe("The incident is not resolved after all.");
        (await Scenario.GetAsync(submitted.Id))!.Status.ShouldBe(RecommendationStatus.RolledBack);
    }

    [Fact]
    public async Task ApproveAndRollback_WorkOnCodestones_WithFieldNamesInAnyCase()
    {
        var codestone = await Scenario.Use<CodestoneService, CodestoneDetail>(s => s.CreateAsync(
            new CodestoneValues("Retry with jitter", CodeLanguage.Python, "def retry():\n    pass\n", null, ReviewStatus.Draft, 0.3)));
        var submitted = await Scenario.SubmitAsync(0.9, new SubmittedChange("Codestone", codestone.Id,
            [new FieldChange("reviewStatus", "review"), new FieldChange("LANGUAGE", "Go"), new FieldChange("code", "func retry() {\n}\n")]));

        var changeSetId = await Scenario.ApproveAsync(submitted.Id);

        var changed = (await Scenario.Use<CodestoneService, CodestoneDetail?>(s => s.GetAsync(codestone.Id)))!;
        (changed.Values.ReviewStatus, changed.Values.Language, changed.Values.Code).ShouldBe((ReviewStatus.Review, CodeLanguage.Go, "func retry() {\n}\n"));
        var record = (await Scenario.GetChangeSetAsync(changeSetId))!.Records.ShouldHaveSingleItem();
        record.Fields.Where(f => f.Written).Select(f => f.Field).ShouldBe(["language", "code", "review_status"]);
        record.Fields.Single(f => f.Field == "code").IsLongText.ShouldBeTrue();

        await Scenario.Use<ChangeSetService>(s => s.RollbackAsync(changeSetId, "Wrong language."));

        (await Scenario.Use<CodestoneService, CodestoneDetail?>(s => s.GetAsync(codestone.Id)))!.Values.ShouldBe(codestone.Values);
    }

    [Fact]
    public async Task RollbackAsync_RefusesWithTheConflicts_AndWritesNothingButItsAuditEvent_WhenAWrittenFieldChangedSince()
    {
        var stream = await Scenario.CreateStreamAsync();
        var other = await Scenario.CreateStreamAsync(Sample with { Title = "Untouched since the changeset" });
        var submitted = await Scenario.SubmitAsync(0.9, UpdateStream(stream.Id, ("status", "Refined"), ("priority", "High")), UpdateStream(other.Id, ("priority", "Low")));
        var changeSetId = await Scenario.ApproveAsync(submitted.Id);
        var applied = (await Scenario.GetStreamAsync(stream.Id))!;
        await Scenario.Use<StreamService, StreamDetail>(s => s.UpdateAsync(stream.Id, applied.Values with { Priority = StreamPriority.Now }, applied.Version));
        var states = new[] { await FieldsJsonAsync(stream.Id), await FieldsJsonAsync(other.Id) };
        var auditBefore = await AuditCountAsync();

        var refused = await Should.ThrowAsync<RollbackConflictException>(() => Scenario.Use<ChangeSetService>(s => s.RollbackAsync(changeSetId, "Wrong call.")));

        refused.Conflicts.ShouldHaveSingleItem().ShouldBe(new RollbackConflict($"Stream #{stream.Id}", stream.Id, "priority", "Now", "High"));
        new[] { await FieldsJsonAsync(stream.Id), await FieldsJsonAsync(other.Id) }.ShouldBe(states);
        (await Scenario.GetChangeSetAsync(changeSetId))!.Summary.Status.ShouldBe(ChangeSetStatus.Applied);
        (await Scenario.GetAsync(submitted.Id))!.Status.ShouldBe(RecommendationStatus.Applied);
        (await AuditCountAsync()).ShouldBe(auditBefore + 1);
        await using var db = Db.NewContext();
        (await db.AuditEvents.OrderByDescending(e => e.Sequence).FirstAsync()).Action.ShouldBe(ChangeSetAuditActions.RollbackRefused);
    }

    [Fact]
    public async Task RollbackAsync_RefusesASecondRollback_AndAReasonlessOne()
    {
        var stream = await Scenario.CreateStreamAsync();
        var submitted = await Scenario.SubmitAsync(0.9, UpdateStream(stream.Id, ("status", "Refined")));
        var changeSetId = await Scenario.ApproveAsync(submitted.Id);

        var reasonless = await Should.ThrowAsync<InvalidValuesException>(() => Scenario.Use<ChangeSetService>(s => s.RollbackAsync(changeSetId, "")));
        reasonless.Errors["reason"].ShouldHaveSingleItem().ShouldBe("A reason is required to roll back a changeset.");
        await Scenario.Use<ChangeSetService>(s => s.RollbackAsync(changeSetId, "Too early."));
        var second = await Should.ThrowAsync<ChangeSetRolledBackException>(() => Scenario.Use<ChangeSetService>(s => s.RollbackAsync(changeSetId, "Again.")));

        second.Message.ShouldStartWith("This changeset was already rolled back by admin@ava.local at ");
        await using (var db = Db.NewContext())
        {
            (await db.AuditEvents.OrderByDescending(e => e.Sequence).FirstAsync()).Action.ShouldBe(ChangeSetAuditActions.RollbackRefused);
        }

        (await Scenario.GetStreamAsync(stream.Id))!.Values.Status.ShouldBe(StreamStatus.Raw);
    }

    [Fact]
    public async Task RollbackAsync_RefusesADeveloper_AndAuditsTheViolation()
    {
        var stream = await Scenario.CreateStreamAsync();
        var submitted = await Scenario.SubmitAsync(0.9, UpdateStream(stream.Id, ("status", "Refined")));
        var changeSetId = await Scenario.ApproveAsync(submitted.Id);
        Scenario.AsDeveloper();

        await Should.ThrowAsync<PermissionDeniedException>(() => Scenario.Use<ChangeSetService>(s => s.RollbackAsync(changeSetId, "Not mine to undo.")));

        await using var db = Db.NewContext();
        (await db.AuditEvents.SingleAsync(e => e.Action == SecurityAuditActions.Violation)).Resource.ShouldBe("service:ChangeSetService.RollbackAsync");
        (await Scenario.GetChangeSetAsync(changeSetId))!.Summary.Status.ShouldBe(ChangeSetStatus.Applied);
    }

    [Fact]
    public async Task ListAsync_FiltersByStatusComplexityAndApprover()
    {
        var stream = await Scenario.CreateStreamAsync();
        var first = await Scenario.ApproveAsync((await Scenario.SubmitAsync(0.9, UpdateStream(stream.Id, ("status", "Refined")))).Id);
        await Scenario.ApproveAsync((await Scenario.SubmitAsync(0.9, UpdateStream(stream.Id, ("priority", "High"), ("summary", "Rewritten."), ("ecl_score", "0.2"), ("title", "Renamed by the assistant")))).Id);
        await Scenario.Use<ChangeSetService>(s => s.RollbackAsync(first, "Undo."));

        var rolledBack = await Scenario.Use<ChangeSetService, Paged<ChangeSetRow>>(s => s.ListAsync(new ChangeSetQuery(Status: ChangeSetStatus.RolledBack), PageRequest.First));
        var moderate = await Scenario.Use<ChangeSetService, Paged<ChangeSetRow>>(s => s.ListAsync(new ChangeSetQuery(Complexity: ChangeSetComplexity.Moderate), PageRequest.First));
        var byOther = await Scenario.Use<ChangeSetService, Paged<ChangeSetRow>>(s => s.ListAsync(new ChangeSetQuery(AppliedBy: "someone@else"), PageRequest.First));

        rolledBack.Items.ShouldHaveSingleItem().Id.ShouldBe(first);
        moderate.Items.ShouldHaveSingleItem().TargetSummary.ShouldBe(Sample.Title); // the title when it was submitted
        byOther.Total.ShouldBe(0);
    }

    [Fact]
    public async Task GetAsync_ReadsTheGrantOfAChangesetRecordedInTheOldSpelling_AsItsWireName()
    {
        var stream = await Scenario.CreateStreamAsync();
        var changeSetId = await Scenario.ApproveAsync((await Scenario.SubmitAsync(0.9, UpdateStream(stream.Id, ("status", "Refined")))).Id);
        await Db.ExecuteRawAsync($"UPDATE ChangeSets SET ApprovalGrant = 'ApproverClaim' WHERE Id = {changeSetId}");

        (await Scenario.GetChangeSetAsync(changeSetId))!.ApprovalGrant.ShouldBe("approver_claim");
    }

    [Fact]
    public async Task RollbackAsync_RecordsTheGrantByTheSameWireNameAsTheApproval()
    {
        var stream = await Scenario.CreateStreamAsync();
        var changeSetId = await Scenario.ApproveAsync((await Scenario.SubmitAsync(0.9, UpdateStream(stream.Id, ("status", "Refined")))).Id);

        await Scenario.Use<ChangeSetService>(s => s.RollbackAsync(changeSetId, "Too early."));

        await using var db = Db.NewContext();
        var approved = await db.AuditEvents.SingleAsync(e => e.Action == RecommendationAuditActions.Approved);
        var rolledBack = await db.AuditEvents.SingleAsync(e => e.Action == ChangeSetAuditActions.RolledBack);
        approved.Metadata.ShouldNotBeNull().ShouldContain("\"grant\":\"admin_role\"");
        rolledBack.Metadata.ShouldNotBeNull().ShouldContain("\"grant\":\"admin_role\"");
    }

    private async Task<string?> FieldsJsonAsync(long id)
    {
        await using var db = Db.NewContext();
        var target = Db.Services.GetRequiredService<ChangeTargets>().For(ChangeTargetType.Stream);
        return (await target.FindAsync(db, id, CancellationToken.None))?.Snapshot.FieldsJson();
    }

    private async Task<string?> RowAsync(long id)
    {
        await using var db = Db.NewContext();
        var s = await db.Streams.AsNoTracking().Include(s => s.Tags).SingleOrDefaultAsync(s => s.Id == id);
        return s is null ? null : $"{s.Title}|{s.Status}|{s.CreatedAt:O}|{s.CreatedBy}|{s.UpdatedAt:O}|{s.UpdatedBy}|{s.ArchivedAt:O}|{string.Join(",", s.Tags.Select(t => t.Tag).Order())}";
    }
}
