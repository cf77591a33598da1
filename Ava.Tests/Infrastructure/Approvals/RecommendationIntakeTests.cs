using Ava.Domain.Recommendations;
using Ava.Domain.Security;
using Ava.Domain.Tickets;
using Ava.Infrastructure.Approvals;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Security;
using Ava.Infrastructure.Tickets;
using Ava.Tests.TestData;
using Microsoft.EntityFrameworkCore;
using static Ava.Tests.TestData.ApprovalScenario;

namespace Ava.Tests.Infrastructure.Approvals;

public sealed class RecommendationIntakeTests : ApprovalServicesTest
{
    [Fact]
    public async Task SubmitAsync_RefusesAFieldOutsideTheAllowList_NamingTheField()
    {
        var stream = await Scenario.CreateStreamAsync();

        var error = await Should.ThrowAsync<InvalidValuesException>(() => Scenario.SubmitAsync(0.9, UpdateStream(stream.Id, ("status", "Refined"), ("source", "Claude"))));

        error.Errors["changes[0].fields[1]"].ShouldHaveSingleItem().ShouldBe(
            "Field 'source' is not allowed on a stream; a recommendation may change title, status, priority, summary, ecl_score, tags.");
        await using var db = Db.NewContext();
        (await db.Recommendations.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task SubmitAsync_RefusesATypeOutsideTheAllowList_AndAMissingTarget()
    {
        var error = await Should.ThrowAsync<InvalidValuesException>(() => Scenario.SubmitAsync(0.9,
            new SubmittedChange("user", 1, [new FieldChange("role", "Admin")]),
            UpdateStream(424242, ("status", "Refined")),
            UpdateStream(1, ("status", "Finished"))));

        error.Errors["changes[0].targetType"].ShouldHaveSingleItem().ShouldBe("Target type 'user' is not allowed; recommendations may change stream or codestone.");
        error.Errors["changes[1].targetId"].ShouldHaveSingleItem().ShouldBe("There is no stream #424242.");
        error.Errors["changes[2].fields[0]"].ShouldHaveSingleItem().ShouldBe("'Finished' is not a valid status; use one of Raw, Refined, Archived.");
    }

    [Fact]
    public async Task SubmitAsync_NeedsRunAiPrompts_AndAuditsTheViolation()
    {
        Scenario.As("viewer@ava.local", Roles.Viewer);

        await Should.ThrowAsync<PermissionDeniedException>(() => Scenario.Use<RecommendationIntake, SubmissionResult>(s => s.SubmitAsync(
            new RecommendationSubmission([UpdateStream(1, ("status", "Refined"))], "Because.", 0.9, "triage"))));

        await using var db = Db.NewContext();
        (await db.AuditEvents.SingleAsync(e => e.Action == SecurityAuditActions.Violation)).Resource.ShouldBe("service:RecommendationIntake.SubmitAsync");
    }

    [Fact]
    public async Task SubmitAsync_EscalatesBelowTheReviewThreshold_WithATicketLinkedBothWays()
    {
        var stream = await Scenario.CreateStreamAsync();

        var result = await Scenario.SubmitAsync(0.25, UpdateStream(stream.Id, ("priority", "Now")));

        result.Status.ShouldBe(RecommendationStatus.Escalated);
        result.Band.ShouldBe(ConfidenceBand.Escalated);
        result.TicketNumber.ShouldNotBeNull().ShouldMatch($"^AI-ESC-{DateTime.UtcNow:yyyyMMdd}-[0-9A-F]{{8}}$");
        var ticket = (await Scenario.Use<TicketService, TicketDetail?>(s => s.GetAsync(result.TicketId!.Value))).ShouldNotBeNull();
        ticket.Priority.ShouldBe(TicketPriority.Medium);
        ticket.RecommendationId.ShouldBe(result.Id);
        ticket.Body.ShouldContain("| priority | Normal | Now |");
        ticket.Body.ShouldContain("automatic escalation");
        var detail = (await Scenario.GetAsync(result.Id)).ShouldNotBeNull();
        detail.TicketNumber.ShouldBe(result.TicketNumber);
        detail.DecidedBy.ShouldBe("system");
        await using var db = Db.NewContext();
        var actions = await db.AuditEvents.Select(e => e.Action).ToListAsync();
        actions.ShouldContain(TicketAuditActions.Opened);
        actions.ShouldContain(RecommendationAuditActions.Escalated);
    }

    [Fact]
    public async Task SubmitAsync_RefusesTheSameEntityNamedTwice()
    {
        var stream = await Scenario.CreateStreamAsync();

        var error = await Should.ThrowAsync<InvalidValuesException>(() => Scenario.SubmitAsync(0.9,
            UpdateStream(stream.Id, ("status", "Refined")), new SubmittedChange("stream", stream.Id, [], "delete")));

        error.Errors["changes[1].targetId"].ShouldHaveSingleItem().ShouldBe($"The stream #{stream.Id} is named twice; put all its changes in one entry.");
    }

    [Fact]
    public async Task SubmitAsync_QuotesWhatTheCallerSent_AsWritten_EvenWhenItLooksLikeAPlaceholder()
    {
        var stream = await Scenario.CreateStreamAsync();

        var error = await Should.ThrowAsync<InvalidValuesException>(() => Scenario.SubmitAsync(0.9,
            UpdateStream(stream.Id, ("{PropertyName}", "x")),
            new SubmittedChange("{PropertyValue}", 1, [new FieldChange("title", "x")])));

        error.Errors["changes[0].fields[0]"].ShouldBe(["Field '{PropertyName}' is not allowed on a stream; a recommendation may change title, status, priority, summary, ecl_score, tags."]);
        error.Errors["changes[1].targetType"].ShouldBe(["Target type '{PropertyValue}' is not allowed; recommendations may change stream or codestone."]);
    }

    [Theory]
    [InlineData(7L, "create", "title", "changes[0].targetId", "A create has no target id.")]
    [InlineData(null, "delete", null, "changes[0].targetId", "A delete needs the id of the stream.")]
    [InlineData(null, "update", "title", "changes[0].targetId", "An update needs the id of the stream.")]
    [InlineData(null, "rename", "title", "changes[0].operation", "Operation 'rename' is not known; use create, update or delete.")]
    [InlineData(null, null, null, "changes[0].fields", "Name at least one field to change.")]
    public async Task SubmitAsync_NamesTheFirstProblemOfAChange_UnderItsPart(long? id, string? operation, string? field, string key, string message)
    {
        var error = await Should.ThrowAsync<InvalidValuesException>(() => Scenario.SubmitAsync(0.9,
            new SubmittedChange("stream", id, field is null ? [] : [new FieldChange(field, "A stream the assistant names")], operation)));

        error.Errors.Keys.ShouldHaveSingleItem().ShouldBe(key);
        error.Errors[key].ShouldBe([message]);
    }

    [Fact]
    public async Task SubmitAsync_RefusesADeleteThatNamesFields_AndAFieldNamedTwice()
    {
        var stream = await Scenario.CreateStreamAsync();

        var error = await Should.ThrowAsync<InvalidValuesException>(() => Scenario.SubmitAsync(0.9,
            new SubmittedChange("stream", stream.Id, [new FieldChange("status", "Refined")], "delete"),
            new SubmittedChange("codestone", null, [new FieldChange("title", "Retry with jitter"), new FieldChange("Title", "Retry again")])));

        error.Errors["changes[0].fields"].ShouldBe(["A delete names no fields."]);
        error.Errors["changes[1].fields[1]"].ShouldBe(["Field 'title' is named twice."]);
    }

    [Fact]
    public async Task SubmitAsync_RefusesAnEmptySubmission_WithAMessagePerPart()
    {
        var error = await Should.ThrowAsync<InvalidValuesException>(() => Scenario.Use<RecommendationIntake, SubmissionResult>(s => s.SubmitAsync(
            new RecommendationSubmission([], " ", double.NaN, "email"))));

        error.Errors.Keys.Order().ShouldBe(["changes", "confidence", "rationale", "source"]);
        error.Errors["changes"].ShouldBe(["A recommendation needs at least one change."]);
        error.Errors["rationale"].ShouldBe(["A rationale is required: say why the change is right."]);
    }

    [Fact]
    public async Task SubmitAsync_RefusesAValueTheFieldsOwnRulesRefuse_NamingTheField_BeforeAnythingIsStored()
    {
        var stream = await Scenario.CreateStreamAsync();

        var error = await Should.ThrowAsync<InvalidValuesException>(() => Scenario.SubmitAsync(0.9,
            UpdateStream(stream.Id, ("status", "Refined"), ("title", new string('x', 1_000_000)))));

        error.Errors.Keys.ShouldBe(["changes[0].fields[1]"]);
        error.Errors["changes[0].fields[1]"].ShouldHaveSingleItem().ShouldContain("200");
        await using var db = Db.NewContext();
        (await db.Recommendations.CountAsync()).ShouldBe(0);
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("NaN")]
    [InlineData("2.5")]
    public async Task SubmitAsync_RefusesAScoreOutOfRangeOrNotANumber_NamingTheField(string score)
    {
        var stream = await Scenario.CreateStreamAsync();

        var error = await Should.ThrowAsync<InvalidValuesException>(() => Scenario.SubmitAsync(0.9, UpdateStream(stream.Id, ("ecl_score", score))));

        error.Errors.Keys.ShouldBe(["changes[0].fields[0]"]);
    }

    [Fact]
    public async Task SubmitAsync_RefusesACreateMissingARequiredField_NamingThatField()
    {
        var error = await Should.ThrowAsync<InvalidValuesException>(() => Scenario.SubmitAsync(0.9,
            new SubmittedChange("stream", null, [new FieldChange("priority", "Now")])));

        error.Errors.Keys.ShouldContain("changes[0].title");
    }
}
