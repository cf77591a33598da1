using Ava.Domain.Alerts;
using Ava.Domain.Audit;
using Ava.Domain.Common;
using Ava.Domain.Security;
using Ava.Infrastructure.Audit;
using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Ava.Infrastructure.Alerts;

public sealed record AlertRow(long Id, string Kind, AlertSeverity Severity, string Subject, string Message, DateTimeOffset RaisedAt);

/// <summary>Open alerts and their acknowledgement (view_logs).</summary>
public sealed class AlertService(IDbContextFactory<AvaDbContext> contexts, PermissionGuard guard, AuditTrail trail, TimeProvider clock)
{
    public async Task<IReadOnlyList<AlertRow>> ListOpenAsync(CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(Permissions.ViewLogs);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Alerts.AsNoTracking()
            .Where(a => a.AcknowledgedAt == null)
            .OrderByDescending(a => a.RaisedAt)
            .Select(a => new AlertRow(a.Id, a.Kind, a.Severity, a.Subject, a.Message, a.RaisedAt))
            .ToListAsync(cancellationToken);
    }

    public async Task AcknowledgeAsync(long alertId, CancellationToken cancellationToken = default)
    {
        var user = await guard.DemandAsync(Permissions.ViewLogs);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var alert = await db.Alerts.SingleOrDefaultAsync(a => a.Id == alertId, cancellationToken)
            ?? throw new DomainException("That alert no longer exists.");
        alert.Acknowledge(user.DisplayName(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await trail.AppendAsync(db, new AuditEntry(AlertAuditActions.Acknowledged, $"alert/{alertId}", true,
            Metadata: AuditTrail.Metadata(new { alert.Kind, alert.Subject })), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
