using Ava.Domain.Audit;
using Ava.Domain.Tickets;
using Ava.Infrastructure.Approvals;
using Ava.Infrastructure.Audit;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Ava.Infrastructure.Tickets;

public sealed record TicketQuery(TicketStatus? Status = null, TicketPriority? Priority = null);

public sealed record TicketRow(long Id, string Number, TicketPriority Priority, string Subject, TicketStatus Status, long RecommendationId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record TicketDetail(
    long Id, string Number, TicketPriority Priority, string Subject, string Body, TicketStatus Status, TicketStatus? NextStatus,
    long RecommendationId, string OpenedBy, DateTimeOffset CreatedAt, string UpdatedBy, DateTimeOffset UpdatedAt, Guid Version);

/// <summary>Helpdesk tickets opened by escalations, for approvers (Admins are approvers): list, read, move Open → InProgress → Resolved.</summary>
public sealed class TicketService(
    IDbContextFactory<AvaDbContext> contexts,
    PermissionGuard guard,
    VersionedWriter writer,
    LiveUpdates activity,
    TimeProvider clock)
{
    private static readonly VersionedSet<HelpdeskTicket> Set = new(
        "Ticket",
        db => db.Tickets,
        current => new ConcurrencyConflictException(current.UpdatedBy, current.UpdatedAt, new { current.Status }, current.Version));

    public async Task<Paged<TicketRow>> ListAsync(TicketQuery query, PageRequest page, CancellationToken cancellationToken = default)
    {
        await guard.DemandApproverAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tickets = db.Tickets.AsNoTracking();
        if (query.Status is { } status)
        {
            tickets = tickets.Where(t => t.Status == status);
        }

        if (query.Priority is { } priority)
        {
            tickets = tickets.Where(t => t.Priority == priority);
        }

        var total = await tickets.CountAsync(cancellationToken);
        var items = await tickets
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .Page(page)
            .Select(t => new TicketRow(t.Id, t.Number, t.Priority, t.Subject, t.Status, t.RecommendationId, t.CreatedAt, t.UpdatedAt))
            .ToListAsync(cancellationToken);
        return new Paged<TicketRow>(items, total, page);
    }

    public async Task<TicketDetail?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await guard.DemandApproverAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var t = await db.Tickets.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        return t is null ? null : Detail(t);
    }

    /// <summary>Moves the ticket to its next status when it still has <paramref name="expectedVersion"/>.</summary>
    public async Task<TicketDetail> MoveAsync(long id, TicketStatus to, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        var (user, _) = await guard.DemandApproverAsync();
        var ticket = await writer.ChangeAsync(Set, id, expectedVersion, (_, ticket) =>
        {
            var from = ticket.Status;
            ticket.MoveTo(to, user.DisplayName(), clock.GetUtcNow());
            return new AuditEntry(TicketAuditActions.StatusChanged, Resource(id), true,
                Metadata: AuditTrail.Metadata(new { number = ticket.Number, from = from.ToString(), to = to.ToString() }));
        }, cancellationToken);
        activity.Publish(new ApprovalActivityEvent(ApprovalActivityKind.TicketChanged, ticket.RecommendationId));
        return Detail(ticket);
    }

    internal static string Resource(long id) => $"ticket/{id}";

    private static TicketDetail Detail(HelpdeskTicket t) => new(
        t.Id, t.Number, t.Priority, t.Subject, t.Body, t.Status, t.NextStatus, t.RecommendationId, t.OpenedBy, t.CreatedAt, t.UpdatedBy, t.UpdatedAt, t.Version);
}
