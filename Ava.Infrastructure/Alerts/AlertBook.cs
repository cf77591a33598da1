using Ava.Domain.Alerts;
using Ava.Domain.Audit;
using Ava.Infrastructure.Audit;
using Ava.Infrastructure.Configuration;
using Ava.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ava.Infrastructure.Alerts;

/// <summary>A rule holds for a subject: what a rule job, a violation or a failed workflow reports.</summary>
public sealed record AlertFinding(string Kind, string Subject, AlertSeverity Severity, string Message);

public enum AlertOutcome
{
    /// <summary>No alert was active for the rule and subject: a new one.</summary>
    Raised,

    /// <summary>An active alert counted the observation.</summary>
    SeenAgain,

    /// <summary>The rule and subject are silenced and nothing was active: nothing was raised.</summary>
    Silenced,
}

/// <summary>
/// The one place alerts are raised, counted and resolved, inside the caller's transaction: one active alert
/// per rule and subject, silences honoured, and a webhook message owed (when a webhook is configured) for
/// every new and resolved alert that is not silenced. The caller appends the audit events
/// (<see cref="RaisedEntry"/>, <see cref="ResolvedEntry"/>) once the alert has its id.
/// </summary>
public sealed class AlertBook(IOptionsMonitor<AlertOptions> options, TimeProvider clock)
{
    public async Task<(Alert? Alert, AlertOutcome Outcome)> RecordAsync(AvaDbContext db, AlertFinding finding, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var active = await ActiveAsync(db, finding.Kind, finding.Subject, cancellationToken);
        if (active is not null)
        {
            active.SeenAgain(now, finding.Severity, finding.Message);
            return (active, AlertOutcome.SeenAgain);
        }

        if (await IsSilencedAsync(db, finding.Kind, finding.Subject, now, cancellationToken))
        {
            return (null, AlertOutcome.Silenced);
        }

        var alert = new Alert(finding.Kind, finding.Severity, finding.Subject, finding.Message, now);
        db.Alerts.Add(alert);
        Notify(db, alert, AlertEvent.Raised, now);
        return (alert, AlertOutcome.Raised);
    }

    /// <summary>The condition cleared: the alert is resolved, and the webhook told unless the alert is silenced.</summary>
    public async Task ResolveAsync(AvaDbContext db, Alert alert, string resolution, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        alert.Resolve(now, resolution);
        if (!await IsSilencedAsync(db, alert.Kind, alert.Subject, now, cancellationToken))
        {
            Notify(db, alert, AlertEvent.Resolved, now);
        }
    }

    public static Task<Alert?> ActiveAsync(AvaDbContext db, string kind, string subject, CancellationToken cancellationToken) =>
        db.Alerts.Where(a => a.Kind == kind && a.Subject == subject && a.ResolvedAt == null)
            .OrderByDescending(a => a.RaisedAt)
            .FirstOrDefaultAsync(cancellationToken);

    public static Task<bool> IsSilencedAsync(AvaDbContext db, string kind, string subject, DateTimeOffset at, CancellationToken cancellationToken) =>
        db.AlertSilences.AnyAsync(s => s.Kind == kind && s.Subject == subject && s.Until > at, cancellationToken);

    public static string Resource(long alertId) => $"alert/{alertId}";

    public static AuditEntry RaisedEntry(Alert alert) => new(
        AlertAuditActions.Raised, Resource(alert.Id), true,
        Metadata: AuditTrail.Metadata(new { rule = alert.Kind, alert.Subject, severity = alert.Severity.ToString(), alert.Message }));

    public static AuditEntry ResolvedEntry(Alert alert) => new(
        AlertAuditActions.Resolved, Resource(alert.Id), true,
        Metadata: AuditTrail.Metadata(new { rule = alert.Kind, alert.Subject, alert.Resolution, alert.Count }));

    private void Notify(AvaDbContext db, Alert alert, AlertEvent alertEvent, DateTimeOffset now)
    {
        if (!string.IsNullOrWhiteSpace(options.CurrentValue.WebhookUrl))
        {
            db.AlertNotifications.Add(new AlertNotification(alert, alertEvent, now));
        }
    }
}
