using Ava.Domain.Alerts;
using Ava.Domain.Audit;
using Ava.Domain.Security;
using Ava.Infrastructure.Audit;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Ava.Infrastructure.Alerts;

public sealed record AlertRow(
    long Id, string Kind, AlertSeverity Severity, string Subject, string Message, DateTimeOffset RaisedAt, DateTimeOffset LastSeenAt, int Count,
    DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy, string? AcknowledgeNote, DateTimeOffset? ResolvedAt, string? Resolution, DateTimeOffset? SilencedUntil)
{
    public bool IsSilenced => SilencedUntil is not null;

    /// <summary>The run an alert about a long-running workflow is about, which an administrator may cancel or queue again.</summary>
    public long? WorkflowRunId => Kind == Alert.WorkflowRunningLongKind ? WorkflowRunningLongRule.RunIdOf(Subject) : null;
}

public enum AlertListStatus
{
    /// <summary>Active (not resolved), acknowledged or not, silenced or not.</summary>
    Open,

    /// <summary>Resolved within the last 7 days.</summary>
    Recent,

    All,
}

/// <summary>Alerts: the list, acknowledging with a note, and silencing a rule and subject until a time (view_logs). Everything is audited.</summary>
public sealed class AlertService(IDbContextFactory<AvaDbContext> contexts, PermissionGuard guard, AuditTrail trail, LiveUpdates updates, TimeProvider clock)
{
    public static readonly TimeSpan RecentPeriod = TimeSpan.FromDays(7);

    /// <summary>Active alerts that are neither acknowledged nor silenced: what still needs someone, newest first.</summary>
    public async Task<IReadOnlyList<AlertRow>> ListOpenAsync(CancellationToken cancellationToken = default)
    {
        var page = await ListAsync(AlertListStatus.Open, new PageRequest(0, PageRequest.MaxSize), cancellationToken);
        return page.Items.Where(a => a.AcknowledgedAt is null && !a.IsSilenced).ToList();
    }

    public async Task<Paged<AlertRow>> ListAsync(AlertListStatus status, PageRequest page, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(Permissions.ViewLogs);
        var now = clock.GetUtcNow();
        var recentSince = now - RecentPeriod;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var alerts = db.Alerts.AsNoTracking();
        alerts = status switch
        {
            AlertListStatus.Open => alerts.Where(a => a.ResolvedAt == null),
            AlertListStatus.Recent => alerts.Where(a => a.ResolvedAt >= recentSince),
            _ => alerts,
        };

        var total = await alerts.CountAsync(cancellationToken);
        var items = await alerts.OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id).Page(page).ToListAsync(cancellationToken);
        var kinds = items.Select(a => a.Kind).Distinct().ToList();
        var silences = await db.AlertSilences.AsNoTracking()
            .Where(s => kinds.Contains(s.Kind) && s.Until > now)
            .Select(s => new { s.Kind, s.Subject, s.Until })
            .ToListAsync(cancellationToken);
        var rows = items.Select(a => Row(a, silences.Where(s => s.Kind == a.Kind && s.Subject == a.Subject).Select(s => (DateTimeOffset?)s.Until).Max())).ToList();
        return new Paged<AlertRow>(rows, total, page);
    }

    public async Task<AlertRow> AcknowledgeAsync(long alertId, string? note = null, CancellationToken cancellationToken = default)
    {
        var user = await guard.DemandAsync(Permissions.ViewLogs);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var alert = await db.Alerts.SingleOrDefaultAsync(a => a.Id == alertId, cancellationToken)
            ?? throw new NotFoundException($"There is no alert {alertId}.");
        alert.Acknowledge(user.DisplayName(), clock.GetUtcNow(), note);
        await db.SaveChangesAsync(cancellationToken);
        await trail.AppendAsync(db, new AuditEntry(AlertAuditActions.Acknowledged, AlertBook.Resource(alertId), true,
            Metadata: AuditTrail.Metadata(new { rule = alert.Kind, alert.Subject, note = alert.AcknowledgeNote })), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        updates.Publish(new AlertsChanged());
        return Row(alert, null);
    }

    /// <summary>Keeps the alert's rule and subject quiet until <paramref name="until"/>: no new alert, no webhook message, not listed as needing someone.</summary>
    public async Task<AlertSilence> SilenceAsync(long alertId, DateTimeOffset until, string? note, CancellationToken cancellationToken = default)
    {
        var user = await guard.DemandAsync(Permissions.ViewLogs);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var alert = await db.Alerts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == alertId, cancellationToken)
            ?? throw new NotFoundException($"There is no alert {alertId}.");
        var silence = new AlertSilence(alert.Kind, alert.Subject, until, note, user.DisplayName(), clock.GetUtcNow());
        db.AlertSilences.Add(silence);
        await db.SaveChangesAsync(cancellationToken);
        await trail.AppendAsync(db, new AuditEntry(AlertAuditActions.Silenced, AlertBook.Resource(alertId), true,
            Metadata: AuditTrail.Metadata(new { rule = alert.Kind, alert.Subject, until, note = silence.Note, silenceId = silence.Id })), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        updates.Publish(new AlertsChanged());
        return silence;
    }

    private static AlertRow Row(Alert a, DateTimeOffset? silencedUntil) => new(
        a.Id, a.Kind, a.Severity, a.Subject, a.Message, a.RaisedAt, a.LastSeenAt, a.Count,
        a.AcknowledgedAt, a.AcknowledgedBy, a.AcknowledgeNote, a.ResolvedAt, a.Resolution, silencedUntil);
}
