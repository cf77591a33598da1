using Ava.Domain.ChangeSets;
using Ava.Domain.Common;
using Ava.Domain.Recommendations;
using Ava.Domain.Security;
using Ava.Domain.Tickets;

namespace Ava.Tests.Domain.Recommendations;

public sealed class RecommendationRulesTests
{
    [Theory]
    [InlineData(0.95, ConfidenceBand.Ready)]
    [InlineData(0.7, ConfidenceBand.Ready)]
    [InlineData(0.69, ConfidenceBand.NeedsReview)]
    [InlineData(0.4, ConfidenceBand.NeedsReview)]
    [InlineData(0.39, ConfidenceBand.Escalated)]
    [InlineData(0.0, ConfidenceBand.Escalated)]
    public void Classify_PutsConfidenceInTheSpecBands(double confidence, ConfidenceBand band) =>
        ConfidenceThresholds.Default.Classify(confidence).ShouldBe(band);

    [Fact]
    public void NewNumber_FollowsTheTicketFormat()
    {
        var number = HelpdeskTicket.NewNumber(new DateTimeOffset(2026, 11, 23, 23, 59, 0, TimeSpan.FromHours(-5)), Guid.Parse("0a1b2c3d-4e5f-6789-abcd-ef0123456789"));

        number.ShouldBe("AI-ESC-20261124-0A1B2C3D");
        number.ShouldMatch("^AI-ESC-[0-9]{8}-[0-9A-F]{8}$");
    }

    [Theory]
    [InlineData(EscalationUrgency.Low, TicketPriority.Low)]
    [InlineData(EscalationUrgency.Medium, TicketPriority.Medium)]
    [InlineData(EscalationUrgency.High, TicketPriority.High)]
    [InlineData(EscalationUrgency.Critical, TicketPriority.Critical)]
    public void PriorityFor_MapsEachUrgency(EscalationUrgency urgency, TicketPriority priority) =>
        HelpdeskTicket.PriorityFor(urgency).ShouldBe(priority);

    [Fact]
    public void MoveTo_OnlyMovesForward_OpenThenInProgressThenResolved()
    {
        var ticket = new HelpdeskTicket("AI-ESC-20261123-00000000", EscalationUrgency.High, "Subject", "Body", 1, "admin", DateTimeOffset.UnixEpoch);

        Should.Throw<DomainException>(() => ticket.MoveTo(TicketStatus.Resolved, "admin", DateTimeOffset.UnixEpoch)).Message.ShouldContain("can only move to In progress");
        ticket.MoveTo(TicketStatus.InProgress, "admin", DateTimeOffset.UnixEpoch);
        ticket.MoveTo(TicketStatus.Resolved, "admin", DateTimeOffset.UnixEpoch);
        ticket.NextStatus.ShouldBeNull();
        Should.Throw<DomainException>(() => ticket.MoveTo(TicketStatus.Open, "admin", DateTimeOffset.UnixEpoch)).Message.ShouldContain("is resolved");
    }

    [Theory]
    [InlineData(new[] { 3 }, "UUU", ChangeSetComplexity.Simple)]
    [InlineData(new[] { 4 }, "U", ChangeSetComplexity.Moderate)]
    [InlineData(new[] { 1, 1 }, "UU", ChangeSetComplexity.Moderate)]
    [InlineData(new[] { 2 }, "C", ChangeSetComplexity.Moderate)]
    [InlineData(new[] { 1, 1, 1, 1, 1 }, "UUUUU", ChangeSetComplexity.Moderate)]
    [InlineData(new[] { 1, 1, 1, 1, 1, 1 }, "UUUUUU", ChangeSetComplexity.Complex)]
    [InlineData(new[] { 0 }, "D", ChangeSetComplexity.Complex)]
    public void ComplexityOf_FollowsTheSpecRules(int[] fieldCounts, string operations, ChangeSetComplexity expected)
    {
        var records = fieldCounts.Select((count, i) => (operations[Math.Min(i, operations.Length - 1)] switch
        {
            'C' => ChangeOperation.Create,
            'D' => ChangeOperation.Delete,
            _ => ChangeOperation.Update,
        }, count)).ToList();

        ChangeSetComplexityRules.Of(records).ShouldBe(expected);
    }

    [Fact]
    public void ChangeSummary_NamesRewrittenLongText_InsteadOfQuotingIt()
    {
        var recommendation = new AiRecommendation(
            [new ProposedChange(ChangeTargetType.Stream, 1, ChangeOperation.Update, [new FieldChange("priority", "High"), new FieldChange("summary", "## Findings\n- one\n")])],
            Nouns, "Because.", 0.9, ConfidenceBand.Ready, "triage", "developer", DateTimeOffset.UnixEpoch);

        recommendation.ChangeSummary.ShouldBe("priority → High, summary rewritten");
    }

    [Fact]
    public void Approve_Refuses_WhenTheRecommendationWasAlreadyDecided()
    {
        var recommendation = new AiRecommendation(
            [new ProposedChange(ChangeTargetType.Stream, 1, ChangeOperation.Update, [new FieldChange("status", "Refined")])],
            Nouns, "Because.", 0.9, ConfidenceBand.Ready, "triage", "developer", DateTimeOffset.UnixEpoch);
        recommendation.Reject("admin", DateTimeOffset.UnixEpoch, "Not now.");

        Should.Throw<DomainException>(() => recommendation.Approve("admin", DateTimeOffset.UnixEpoch, ApprovalGrantReason.AdminRole)).Message.ShouldContain("already rejected");
        recommendation.ChangeSummary.ShouldBe("status → Refined");
    }

    [Fact]
    public void Approve_RefusesAnUnconfirmedApproval_InTheNeedsReviewBand()
    {
        var recommendation = StreamUpdate(ConfidenceBand.NeedsReview);

        Should.Throw<ReviewConfirmationRequiredException>(() => recommendation.Approve("admin", DateTimeOffset.UnixEpoch, ApprovalGrantReason.AdminRole));

        recommendation.Status.ShouldBe(RecommendationStatus.Pending);
        recommendation.Approve("admin", DateTimeOffset.UnixEpoch, ApprovalGrantReason.AdminRole, reviewConfirmed: true);
        recommendation.Status.ShouldBe(RecommendationStatus.Applied);
    }

    [Fact]
    public void Approve_NeedsNoConfirmation_InTheReadyBand_AndRecordsTheGrantByItsWireName()
    {
        var recommendation = StreamUpdate(ConfidenceBand.Ready);

        recommendation.Approve("approver", DateTimeOffset.UnixEpoch, ApprovalGrantReason.ApproverClaim);

        (recommendation.Status, recommendation.DecidedBy, recommendation.DecisionReason).ShouldBe((RecommendationStatus.Applied, "approver", "approver_claim"));
    }

    [Fact]
    public void Approve_RefusesAUserWithoutAGrant()
    {
        var recommendation = StreamUpdate(ConfidenceBand.Ready);

        Should.Throw<DomainException>(() => recommendation.Approve("viewer", DateTimeOffset.UnixEpoch, ApprovalGrantReason.None)).Message.ShouldContain("Only an approver");
        recommendation.Status.ShouldBe(RecommendationStatus.Pending);
    }

    [Fact]
    public void TargetSummary_CountsSeveralTargetsWithThePluralNounOfTheFirst_AndNamesANewOneWithItsSingular()
    {
        var several = new AiRecommendation(
            [Change(1), Change(2), Change(3)], Nouns, "Because.", 0.9, ConfidenceBand.Ready, "triage", "developer", DateTimeOffset.UnixEpoch);
        var created = new AiRecommendation(
            [new ProposedChange(new ChangeTargetType("prompt_template"), null, ChangeOperation.Create, [new FieldChange("name", "Briefing")])],
            Nouns, "Because.", 0.9, ConfidenceBand.Ready, "triage", "developer", DateTimeOffset.UnixEpoch);

        several.TargetSummary.ShouldBe("3 streams");
        created.TargetSummary.ShouldBe("new prompt template");
        created.ChangeSummary.ShouldBe("create new prompt template");
    }

    private static readonly IChangeTargetNouns Nouns = new NounsFromNames();

    private static ProposedChange Change(long id) => new(ChangeTargetType.Stream, id, ChangeOperation.Update, [new FieldChange("status", "Refined")]);

    private static AiRecommendation StreamUpdate(ConfidenceBand band) =>
        new([Change(1)], Nouns, "Because.", band == ConfidenceBand.Ready ? 0.9 : 0.5, band, "triage", "developer", DateTimeOffset.UnixEpoch);

    /// <summary>Nouns made from the type's name ("prompt_template" → "prompt template", "prompt templates"), as a catalogue would give them.</summary>
    private sealed class NounsFromNames : IChangeTargetNouns
    {
        public ChangeTargetNoun NounOf(ChangeTargetType type)
        {
            var singular = type.Name.Replace('_', ' ');
            return new ChangeTargetNoun(singular, singular + "s");
        }
    }
}
