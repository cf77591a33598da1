using Ava.Domain.Audit;
using Ava.Domain.Recommendations;
using Ava.Domain.Tickets;
using Ava.Infrastructure.Audit;
using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Tickets;

namespace Ava.Infrastructure.Approvals;

/// <summary>
/// Opens the helpdesk ticket of an escalated recommendation inside the caller's transaction: the
/// full context in its body, linked both ways, and audited. Used by automatic escalation at intake and
/// by an approver's escalation.
/// </summary>
public sealed class EscalationTickets(RecommendationPreviews previews, TicketBodyComposer composer, AuditTrail trail)
{
    /// <summary>The recommendation must be escalated already; its preview is read in the same transaction, so the ticket shows the state it was escalated on.</summary>
    public async Task<TicketReference> OpenAsync(AvaDbContext db, AiRecommendation recommendation, Escalation escalation, CancellationToken cancellationToken)
    {
        var preview = await previews.PreviewAsync(db, recommendation, cancellationToken);
        var ticket = new HelpdeskTicket(
            HelpdeskTicket.NewNumber(escalation.At, Guid.NewGuid()),
            escalation.Urgency,
            SubjectOf(recommendation),
            composer.Compose(recommendation, preview, escalation),
            recommendation.Id,
            escalation.By,
            escalation.At);
        db.Tickets.Add(ticket);
        await db.SaveChangesAsync(cancellationToken);
        recommendation.LinkTicket(ticket.Id);
        await db.SaveChangesAsync(cancellationToken);
        await trail.AppendAsync(db, new AuditEntry(TicketAuditActions.Opened, TicketService.Resource(ticket.Id), true, Metadata: AuditTrail.Metadata(new
        {
            number = ticket.Number,
            priority = ticket.Priority.ToString(),
            recommendation = recommendation.Id,
            automatic = escalation.Automatic,
        })), cancellationToken);
        return new TicketReference(ticket.Id, ticket.Number);
    }

    /// <summary>The ticket's subject line: the recommendation, its target and its change in one line.</summary>
    internal static string SubjectOf(AiRecommendation recommendation) =>
        $"AI recommendation #{recommendation.Id}: {recommendation.TargetSummary} ({recommendation.ChangeSummary})";
}
