using Ava.Domain.Recommendations;
using Ava.Infrastructure.Approvals;
using Ava.Infrastructure.ChangeSets;

namespace Ava.Tests.Infrastructure.Approvals;

public sealed class TicketBodyComposerTests
{
    private static readonly DateTimeOffset Submitted = new(2026, 11, 20, 9, 30, 0, TimeSpan.Zero);
    private static readonly TicketBodyComposer Composer = new(new Nouns());

    private static readonly AiRecommendation Recommendation = new(
        [new ProposedChange(ChangeTargetType.Stream, 12, ChangeOperation.Update, [new FieldChange("priority", "Now")], null, "Connection pool exhaustion")],
        new Nouns(), "The pool is exhausted again.\nIt needs attention now.", 0.55, ConfidenceBand.NeedsReview, "conversation", "developer@ava.local", Submitted);

    private static readonly IReadOnlyList<ChangePreview> Preview =
    [
        new(ChangeTargetType.Stream, 12, ChangeOperation.Update, "Connection pool exhaustion", [new FieldPreview("priority", "Normal", "Now", false)], [], null),
    ];

    [Fact]
    public void Compose_GivesTheFullContext_AndSaysNoConversationIsAttached_WithoutATranscript()
    {
        var body = Composer.Compose(Recommendation, Preview, new Escalation(EscalationUrgency.High, "admin@ava.local", Submitted.AddHours(1), Automatic: false));

        body.ShouldContain("- **Target:** Connection pool exhaustion (stream)");
        body.ShouldContain("- **Confidence:** 0.55 (Needs review)");
        body.ShouldContain("- **Requested by:** developer@ava.local at 2026-11-20 09:30 UTC");
        body.ShouldContain("- **Escalated by:** admin@ava.local at 2026-11-20 10:30 UTC, urgency high");
        body.ShouldContain("> The pool is exhausted again.\n> It needs attention now.\n");
        body.ShouldContain("#### Update stream #12: Connection pool exhaustion");
        body.ShouldContain("| priority | Normal | Now |");
        body.ShouldEndWith("### Conversation transcript\n\nNo conversation is attached to this recommendation.\n");
    }

    [Fact]
    public void Compose_QuotesEveryTurnOfATranscript_InOrder_WithItsSpeakerAndTime()
    {
        var transcript = new ConversationTranscript(
        [
            new TranscriptTurn("developer@ava.local", Submitted.AddMinutes(-5), "Why is the pool exhausted?"),
            new TranscriptTurn("Ava | assistant", Submitted.AddMinutes(-4), "Forty workers share ten connections.\n## Not a heading"),
        ]);

        var body = Composer.Compose(Recommendation, Preview, new Escalation(EscalationUrgency.High, "admin@ava.local", Submitted, Automatic: false, transcript));

        var conversation = body[body.IndexOf("### Conversation transcript", StringComparison.Ordinal)..];
        conversation.ShouldBe("""
            ### Conversation transcript

            **developer@ava.local** at 2026-11-20 09:25 UTC:

            > Why is the pool exhausted?

            **Ava \| assistant** at 2026-11-20 09:26 UTC:

            > Forty workers share ten connections.
            > ## Not a heading


            """.ReplaceLineEndings("\n"));
        body.ShouldNotContain("No conversation is attached");
    }

    [Fact]
    public void Compose_NamesTheAutomaticEscalation_InsteadOfAPerson()
    {
        var body = Composer.Compose(Recommendation, Preview, new Escalation(EscalationUrgency.Medium, RecommendationIntake.SystemActor, Submitted, Automatic: true));

        body.ShouldContain("- **Escalated by:** automatic escalation (confidence below the review threshold) at 2026-11-20 09:30 UTC, urgency medium");
    }

    private sealed class Nouns : IChangeTargetNouns
    {
        public ChangeTargetNoun NounOf(ChangeTargetType type) => new(type.Name, type.Name + "s");
    }
}
