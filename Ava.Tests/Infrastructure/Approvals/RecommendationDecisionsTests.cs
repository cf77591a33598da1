using System.Security.Claims;
using Ava.Domain.ChangeSets;
using Ava.Domain.Recommendations;
using Ava.Domain.Security;
using Ava.Domain.Streams;
using Ava.Domain.Tickets;
using Ava.Infrastructure.Approvals;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Security;
using Ava.Infrastructure.Tickets;
using Ava.Tests.TestData;
using Microsoft.EntityFrameworkCore;
using static Ava.Tests.TestData.ApprovalScenario;

namespace Ava.Tests.Infrastructure.Approvals;

public sealed class RecommendationDecisionsTests : ApprovalServicesTest
{
    [Fact]
    public async Task EscalateAsync_OpensATicketWithTheMappedPriority()
    {
        var stream = await Scenario.CreateStreamAsync();
        var submitted = await Scenario.SubmitAsync(0.8, UpdateStream(stream.Id, ("status", "Refined")));

        var ticket = await Scenario.Use<RecommendationDecisions, TicketReference>(s => s.EscalateAsync(submitted.Id, EscalationUrgency.Critical));

        var detail = (await Scenario.Use<TicketService, TicketDetail?>(s => s.GetAsync(ticket.Id))).ShouldNotBeNull();
        detail.Priority.ShouldBe(TicketPriority.Critical);
        detail.Body.ShouldContain("The incident notes show the stream is resolved.");
        (await Scenario.GetAsync(submitted.Id))!.Status.ShouldBe(RecommendationStatus.Escalated);
    }

    [Fact]
    public async Task ApproveAsync_AppliesTheChanges_AndRecordsAChangeSetWithBeforeAndAfter()
    {
        var stream = await Scenario.CreateStreamAsync();
        var submitted = await Scenario.SubmitAsync(0.9, UpdateStream(stream.Id, ("status", "Refined"), ("priority", "High")));

        var changeSetId = await Scenario.ApproveAsync(submitted.Id);

        var updated = (await Scenario.GetStreamAsync(stream.Id))!;
        updated.Values.Status.ShouldBe(StreamStatus.Refined);
        updated.Values.Priority.ShouldBe(StreamPriority.High);
        var changeSet = (await Scenario.GetChangeSetAsync(changeSetId)).ShouldNotBeNull();
        changeSet.Summary.Complexity.ShouldBe(ChangeSetComplexity.Simple);
        changeSet.Summary.AppliedBy.ShouldBe("admin@ava.local");
        changeSet.ApprovalGrant.ShouldBe("admin_role");
        var record = changeSet.Records.ShouldHaveSingleItem();
        record.Fields.Where(f => f.Changed).Select(f => (f.Field, f.Before, f.After)).ShouldBe([("status", "Raw", "Refined"), ("priority", "Normal", "High")]);
        var recommendation = (await Scenario.GetAsync(submitted.Id))!;
        recommendation.Status.ShouldBe(RecommendationStatus.Applied);
        recommendation.ChangeSetId.ShouldBe(changeSetId);
        await using var db = Db.NewContext();
        var actions = await db.AuditEvents.Select(e => e.Action).ToListAsync();
        actions.ShouldContain(RecommendationAuditActions.Approved);
        actions.ShouldContain(ChangeSetAuditActions.Applied);
    }

    [Fact]
    public async Task ApproveAsync_AsksForTheReviewConfirmation_InTheNeedsReviewBand()
    {
        var stream = await Scenario.CreateStreamAsync();
        var submitted = await Scenario.SubmitAsync(0.55, UpdateStream(stream.Id, ("status", "Refined")));

        await Should.ThrowAsync<ReviewConfirmationRequiredException>(() => Scenario.ApproveAsync(submitted.Id));
        (await Scenario.GetAsync(submitted.Id))!.Status.ShouldBe(RecommendationStatus.Pending);

        await Scenario.ApproveAsync(submitted.Id, confirmed: true);
        (await Scenario.GetAsync(submitted.Id))!.Status.ShouldBe(RecommendationStatus.Applied);
    }

    [Fact]
    public async Task ApproveAsync_ProducesExactlyOneChangeSet_WhenTenApproversClickAtOnce()
    {
        var stream = await Scenario.CreateStreamAsync();
        var submitted = await Scenario.SubmitAsync(0.9, UpdateStream(stream.Id, ("status", "Refined")));

        var attempts = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(async () =>
        {
            try
            {
                return (object)await Scenario.ApproveAsync(submitted.Id);
            }
            catch (RecommendationDecidedException ex)
            {
                return ex;
            }
        })));

        attempts.OfType<long>().ShouldHaveSingleItem();
        attempts.OfType<RecommendationDecidedException>().Count().ShouldBe(9);
        attempts.OfType<RecommendationDecidedException>().First().Message.ShouldStartWith("Already approved by admin@ava.local at ");
        await using var db = Db.NewContext();
        (await db.ChangeSets.CountAsync()).ShouldBe(1);
        (await db.AuditEvents.CountAsync(e => e.Action == RecommendationAuditActions.Approved)).ShouldBe(1);
    }

    [Theory]
    [InlineData(Roles.Developer)]
    [InlineData(Roles.Viewer)]
    public async Task ApproveAsync_RefusesNonApprovers_AndAuditsTheViolation(string role)
    {
        var stream = await Scenario.CreateStreamAsync();
        var submitted = await Scenario.SubmitAsync(0.9, UpdateStream(stream.Id, ("status", "Refined")));
        Scenario.As($"{role.ToLowerInvariant()}@ava.local", role);

        var denied = await Should.ThrowAsync<PermissionDeniedException>(() => Scenario.ApproveAsync(submitted.Id));

        denied.Permission.ShouldBe(ApproverCapability.Name);
        await using var db = Db.NewContext();
        var violation = await db.AuditEvents.SingleAsync(e => e.Action == SecurityAuditActions.Violation);
        violation.Resource.ShouldBe("service:RecommendationDecisions.ApproveAsync");
        violation.Metadata.ShouldNotBeNull().ShouldContain(ApproverCapability.Name);
        (await db.Recommendations.SingleAsync()).Status.ShouldBe(RecommendationStatus.Pending);
    }

    [Fact]
    public async Task ApproveAsync_LetsANonAdminWithTheApproverClaimApprove()
    {
        var stream = await Scenario.CreateStreamAsync();
        var submitted = await Scenario.SubmitAsync(0.9, UpdateStream(stream.Id, ("status", "Refined")));
        Db.User = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, "id-dev"), new Claim(ClaimTypes.Name, "approving-dev@ava.local"),
            new Claim(ClaimTypes.Role, Roles.Developer), new Claim(ApproverCapability.ClaimType, ApproverCapability.ClaimValue),
        ], "Test"));

        var changeSetId = await Scenario.ApproveAsync(submitted.Id);

        (await Scenario.GetChangeSetAsync(changeSetId))!.ApprovalGrant.ShouldBe("approver_claim");
    }

    [Fact]
    public async Task ApproveAsync_LeavesEveryEntityUnchanged_WhenTheDatabaseFailsAfterTheFirstRecord()
    {
        var first = await Scenario.CreateStreamAsync();
        var second = await Scenario.CreateStreamAsync(Sample with { Title = "Second stream of the batch" });
        var third = await Scenario.CreateStreamAsync(Sample with { Title = "Third stream of the batch" });
        var submitted = await Scenario.SubmitAsync(0.9,
            UpdateStream(first.Id, ("status", "Refined")), UpdateStream(second.Id, ("status", "Refined")), UpdateStream(third.Id, ("status", "Refined")));
        var before = await StatesAsync(first.Id, second.Id, third.Id);
        // The second record's write fails inside the database, after the first record was written.
        await Db.ExecuteRawAsync("CREATE TRIGGER fail_second BEFORE UPDATE ON Streams WHEN NEW.Id = " + second.Id + " BEGIN SELECT RAISE(ABORT, 'disk full'); END");

        var auditBefore = await AuditCountAsync();

        var failure = await Should.ThrowAsync<ApplyFailedException>(() => Scenario.ApproveAsync(submitted.Id));

        failure.Message.ShouldContain("the database refused the change");
        failure.Message.ShouldNotContain("disk full");
        (await StatesAsync(first.Id, second.Id, third.Id)).ShouldBe(before);
        var recommendation = (await Scenario.GetAsync(submitted.Id))!;
        recommendation.Status.ShouldBe(RecommendationStatus.Failed);
        recommendation.DecisionReason.ShouldNotBeNull().ShouldStartWith("the database refused the change");
        recommendation.DecisionReason.ShouldNotContain("disk full");
        await using var check = Db.NewContext();
        (await check.ChangeSets.CountAsync()).ShouldBe(0);
        (await check.ChangeRecords.CountAsync()).ShouldBe(0);
        (await AuditCountAsync()).ShouldBe(auditBefore + 1);
        var failed = await check.AuditEvents.OrderByDescending(e => e.Sequence).FirstAsync();
        failed.Action.ShouldBe(RecommendationAuditActions.ApplyFailed);
        failed.Success.ShouldBeFalse();
    }

    [Fact]
    public async Task ApproveAsync_FailsWithTheValidatorsMessage_WhenAProposedValueIsInvalid()
    {
        var first = await Scenario.CreateStreamAsync();
        var second = await Scenario.CreateStreamAsync(Sample with { Title = "Second stream of the batch" });
        // Submission refuses such a value now; a recommendation recorded before that rule still meets the validator at approval.
        var submitted = await Scenario.SubmitAsync(0.9, UpdateStream(first.Id, ("priority", "Now")), UpdateStream(second.Id, ("title", "Hello there")));
        await Db.ExecuteRawAsync($"UPDATE Recommendations SET Changes = replace(Changes, '\"Hello there\"', '\"Hi\"') WHERE Id = {submitted.Id}");
        var preview = (await Scenario.GetAsync(submitted.Id))!.Preview;
        preview[1].Problems.ShouldHaveSingleItem().ShouldBe("Title must be 5 to 200 characters; it has 2.");

        var failure = await Should.ThrowAsync<ApplyFailedException>(() => Scenario.ApproveAsync(submitted.Id));

        failure.Reason.ShouldBe($"Stream #{second.Id}: Title must be 5 to 200 characters; it has 2.");
        (await Scenario.GetStreamAsync(first.Id))!.Values.Priority.ShouldBe(StreamPriority.Normal);
        (await Scenario.GetAsync(submitted.Id))!.Status.ShouldBe(RecommendationStatus.Failed);
    }

    [Fact]
    public async Task RejectAsync_NeedsAReason_AndRecordsWhoAndWhy()
    {
        var stream = await Scenario.CreateStreamAsync();
        var submitted = await Scenario.SubmitAsync(0.9, UpdateStream(stream.Id, ("status", "Refined")));

        var missing = await Should.ThrowAsync<InvalidValuesException>(() => Scenario.Use<RecommendationDecisions>(s => s.RejectAsync(submitted.Id, "  ")));
        missing.Errors["reason"].ShouldHaveSingleItem().ShouldBe("A reason is required to reject a recommendation.");
        await Scenario.Use<RecommendationDecisions>(s => s.RejectAsync(submitted.Id, "The stream is still being investigated."));

        var detail = (await Scenario.GetAsync(submitted.Id))!;
        detail.Status.ShouldBe(RecommendationStatus.Rejected);
        (detail.DecidedBy, detail.DecisionReason).ShouldBe(("admin@ava.local", "The stream is still being investigated."));
        var again = await Should.ThrowAsync<RecommendationDecidedException>(() => Scenario.ApproveAsync(submitted.Id));
        again.Message.ShouldStartWith("Already rejected by admin@ava.local");
    }

    private async Task<List<string>> StatesAsync(params long[] ids)
    {
        var states = new List<string>();
        foreach (var id in ids)
        {
            var stream = (await Scenario.GetStreamAsync(id))!;
            states.Add($"{stream.Values.Title}|{stream.Values.Status}|{stream.Version}|{stream.UpdatedAt:O}");
        }

        return states;
    }

    [Fact]
    public async Task ApproveAsync_IsRefusedAndAudited_WhenTheApproverSubmittedTheRecommendation()
    {
        var stream = await Scenario.CreateStreamAsync();
        var submitted = await Scenario.SubmitAsync(0.9, UpdateStream(stream.Id, ("status", "Refined")));
        Db.User = new ClaimsPrincipal(new ClaimsIdentity(
            [
                new(ClaimTypes.NameIdentifier, "id-developer@ava.local"),
                new(ClaimTypes.Name, "developer@ava.local"),
                new(ClaimTypes.Role, Roles.Developer),
                new(ApproverCapability.ClaimType, ApproverCapability.ClaimValue),
            ],
            "Test"));

        await Should.ThrowAsync<SelfApprovalRefusedException>(() => Scenario.ApproveAsync(submitted.Id));

        (await Scenario.GetAsync(submitted.Id))!.Status.ShouldBe(RecommendationStatus.Pending);
        await using var db = Db.NewContext();
        var refused = await db.AuditEvents.SingleAsync(e => e.Action == RecommendationAuditActions.SelfApprovalRefused);
        refused.UserName.ShouldBe("developer@ava.local");
        refused.Success.ShouldBeFalse();
        Scenario.AsAdmin();
        (await Scenario.ApproveAsync(submitted.Id)).ShouldBeGreaterThan(0);
    }
}
