using Ava.Domain.ChangeSets;
using Ava.Domain.Common;
using Ava.Domain.Recommendations;
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
            "Because.", 0.9, ConfidenceBand.Ready, "triage", "developer", DateTimeOffset.UnixEpoch);

        recommendation.ChangeSummary.ShouldBe("priority → High, summary rewritten");
    }

    [Fact]
    public void Approve_Refuses_WhenTheRecommendationWasAlreadyDecided()
    {
        var recommendation = new AiRecommendation(
            [new ProposedChange(ChangeTargetType.Stream, 1, ChangeOperation.Update, [new FieldChange("status", "Refined")])],
            "Because.", 0.9, ConfidenceBand.Ready, "triage", "developer", DateTimeOffset.UnixEpoch);
        recommendation.Reject("admin", DateTimeOffset.UnixEpoch, "Not now.");

        Should.Throw<DomainException>(() => recommendation.Approve("admin", DateTimeOffset.UnixEpoch, "admin_role")).Message.ShouldContain("already rejected");
        recommendation.ChangeSummary.ShouldBe("status → Refined");
    }
}
