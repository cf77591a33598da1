using Ava.Domain.Alerts;
using Ava.Domain.Audit;
using Ava.Domain.Security;
using Ava.Infrastructure.Configuration;
using Ava.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ava.Infrastructure.Alerts;

/// <summary>
/// Raises an alert when one user commits repeated security violations (<see cref="AlertOptions.SecurityViolationThreshold"/>
/// within <see cref="AlertOptions.SecurityViolationWindowMinutes"/>), at the violation that crosses the threshold;
/// the rule job resolves it once the user's recent refusals drop below it.
/// </summary>
public sealed class SecurityAlerts(AlertBook book, IOptionsMonitor<AlertOptions> options, TimeProvider clock, ILogger<SecurityAlerts> logger)
{
    /// <summary>
    /// Called in the transaction that recorded a violation: at the threshold within the window, records the
    /// finding (a new alert, or one more on the user's active alert).
    /// </summary>
    /// <returns>The alert when this violation raised a new one (its audit event is the caller's to append).</returns>
    public async Task<Alert?> RaiseIfRepeatedViolationsAsync(AvaDbContext db, AuditActor actor, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var window = TimeSpan.FromMinutes(settings.SecurityViolationWindowMinutes);
        var since = clock.GetUtcNow() - window;
        var count = await db.AuditEvents.CountAsync(
            e => e.Action == SecurityAuditActions.Violation && e.UserName == actor.UserName && e.Timestamp >= since,
            cancellationToken);
        if (count < settings.SecurityViolationThreshold)
        {
            return null;
        }

        var (alert, outcome) = await book.RecordAsync(db, Finding(actor.UserName, count, window), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (outcome != AlertOutcome.Raised)
        {
            return null;
        }

        logger.LogWarning("Alert raised: {UserName} committed {Count} security violations within {Minutes} minutes", actor.UserName, count, window.TotalMinutes);
        return alert;
    }

    internal static AlertFinding Finding(string userName, int count, TimeSpan window) => new(
        Alert.SecurityViolationsKind, userName, AlertSeverity.Critical,
        $"{userName} was refused {count} times within {window.TotalMinutes:0} minutes.");
}
