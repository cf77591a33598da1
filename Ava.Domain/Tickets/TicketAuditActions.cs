using Ava.Domain.Audit;

namespace Ava.Domain.Tickets;

[AuditActionSet("Tickets")]
public static class TicketAuditActions
{
    public const string Opened = "ticket.opened";
    public const string StatusChanged = "ticket.status_changed";
}
