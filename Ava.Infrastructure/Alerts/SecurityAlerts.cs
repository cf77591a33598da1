using Ava.Domain.Alerts;
using Ava.Domain.Audit;
using Ava.Domain.Security;
using Ava.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Ava.Infrastructure.Alerts;

/// <summary>Raises an alert when one user commits repeated security violations.</summary>
public sealed class SecurityAlerts(TimeProvider clock, ILogger<SecurityAlerts> logger)
{
    public const int ViolationThreshold = 5;
    public static readonly TimeSpan ViolationWindow = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Called in the transaction that recorded a violation: at the threshold within the window,
    /// and with no open alert for the user raised in that window, raises one.
    /// </summary>
    public async Task<Alert?> RaiseIfRepeatedViolationsAsync(AvaDbContext db, AuditActor actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var since = now - ViolationWindow;
        var count = await db.AuditEvents.CountAsync(
            e => e.Action == SecurityAuditActions.Violation && e.UserName == actor.UserName && e.Timestamp >= since,
            cancellationToken);
        if (count < ViolationThreshold)
        {
            return null;
        }

        var alreadyRaised = await db.Alerts.AnyAsync(
            a => a.Kind == Alert.SecurityViolationsKind && a.Subject == actor.UserName && a.AcknowledgedAt == null && a.RaisedAt >= since,
            cancellationToken);
        if (alreadyRaised)
        {
            return null;
        }

        var alert = new Alert(
            Alert.SecurityViolationsKind,
            AlertSeverity.Critical,
            actor.UserName,
            $"{actor.UserName} was refused {count} times within {ViolationWindow.TotalMinutes:0} minutes.",
            now);
        db.Alerts.Add(alert);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogWarning("Alert raised: {UserName} committed {Count} security violations within {Minutes} minutes", actor.UserName, count, ViolationWindow.TotalMinutes);
        return alert;
    }
}
