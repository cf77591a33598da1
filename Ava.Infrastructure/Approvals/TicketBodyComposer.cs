using System.Globalization;
using System.Text;
using Ava.Domain.Recommendations;

namespace Ava.Infrastructure.Approvals;

/// <summary>How an escalation happened: its urgency, who escalated and when, and the conversation it came from, if any.</summary>
public sealed record Escalation(EscalationUrgency Urgency, string By, DateTimeOffset At, bool Automatic, ConversationTranscript? Transcript = null);

/// <summary>The conversation a recommendation came out of, turn by turn, for the person who picks up its ticket.</summary>
public sealed record ConversationTranscript(IReadOnlyList<TranscriptTurn> Turns);

public sealed record TranscriptTurn(string Speaker, DateTimeOffset At, string Text);

/// <summary>
/// The Markdown body of an escalation ticket (specification §3): the recommendation, the proposed changes beside
/// the target's current state, the rationale, the confidence, the requester and, where there is one,
/// the conversation transcript. Text from assistants and people is quoted or kept to one table cell,
/// so it cannot restructure the ticket.
/// </summary>
public sealed class TicketBodyComposer(IChangeTargetNouns nouns)
{
    private const int CellMaxLength = 300;
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public string Compose(AiRecommendation recommendation, IReadOnlyList<ChangePreview> preview, Escalation escalation)
    {
        var r = recommendation;
        var body = new StringBuilder();
        var escalatedBy = escalation.Automatic ? "automatic escalation (confidence below the review threshold)" : Cell(escalation.By);
        body.AppendLine(Culture, $"## Recommendation #{r.Id}").AppendLine()
            .AppendLine(Culture, $"- **Target:** {Cell(r.TargetSummary)} ({nouns.NounOf(r.TargetType).Singular})")
            .AppendLine(Culture, $"- **Source:** {Cell(r.Source)}")
            .AppendLine(Culture, $"- **Confidence:** {r.Confidence:0.00} ({BandName(r.Band)})")
            .AppendLine(Culture, $"- **Requested by:** {Cell(r.SubmittedBy)} at {Time(r.CreatedAt)}")
            .AppendLine(Culture, $"- **Escalated by:** {escalatedBy} at {Time(escalation.At)}, urgency {escalation.Urgency.ToString().ToLowerInvariant()}")
            .AppendLine().AppendLine("### Rationale").AppendLine();
        Quote(body, r.Rationale);

        body.AppendLine().AppendLine("### Proposed changes and the current state of the target").AppendLine();
        foreach (var change in preview)
        {
            AppendChange(body, change);
        }

        body.AppendLine("### Conversation transcript").AppendLine();
        if (escalation.Transcript is not { Turns.Count: > 0 } transcript)
        {
            body.AppendLine("No conversation is attached to this recommendation.");
            return body.ToString();
        }

        foreach (var turn in transcript.Turns)
        {
            body.AppendLine(Culture, $"**{Cell(turn.Speaker)}** at {Time(turn.At)}:").AppendLine();
            Quote(body, turn.Text);
            body.AppendLine();
        }

        return body.ToString();
    }

    private void AppendChange(StringBuilder body, ChangePreview change)
    {
        var id = change.TargetId is { } targetId ? $" #{targetId}" : "";
        body.AppendLine(Culture, $"#### {change.Operation} {nouns.NounOf(change.TargetType).Singular}{id}: {Cell(change.TargetTitle)}").AppendLine()
            .AppendLine("| Field | Current | Proposed |").AppendLine("|---|---|---|");
        foreach (var field in change.Fields)
        {
            body.AppendLine(Culture, $"| {field.Field} | {Cell(field.Current)} | {Cell(field.Proposed)} |");
        }

        foreach (var problem in change.Problems)
        {
            body.AppendLine().AppendLine(Culture, $"- ⚠ {Cell(problem)}");
        }

        body.AppendLine();
    }

    private static void Quote(StringBuilder body, string text)
    {
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            body.AppendLine(Culture, $"> {line}");
        }
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", Culture);

    private static string BandName(ConfidenceBand band) => band switch
    {
        ConfidenceBand.NeedsReview => "Needs review",
        _ => band.ToString(),
    };

    /// <summary>Text inside a Markdown table cell or list item: one line, no pipes, at most 300 characters.</summary>
    private static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "*(empty)*";
        }

        var text = value.ReplaceLineEndings(" ").Replace("|", "\\|", StringComparison.Ordinal);
        return text.Length > CellMaxLength ? text[..(CellMaxLength - 1)] + "…" : text;
    }
}
