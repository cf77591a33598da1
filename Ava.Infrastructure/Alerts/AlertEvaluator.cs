using Ava.Domain.Security;
using Ava.Infrastructure.Audit;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Configuration;
using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ava.Infrastructure.Alerts;

/// <summary>Alerts were raised, counted, acknowledged, silenced or resolved on this instance.</summary>
public sealed record AlertsChanged;

/// <summary>What one evaluation did.</summary>
public sealed record AlertEvaluation(int Raised, int SeenAgain, int Silenced, int Resolved, int NotificationsQueued);

/// <summary>
/// The rule job's work (specification §7): every rule reads what holds now from recorded rows; a finding
/// raises an alert (or counts on the active one), an active alert whose condition cleared is resolved, all
/// in one transaction with their audit events; then the owed webhook messages are handed to their delivery
/// job, so a slow receiver never holds the rules up. Acts as its caller (the system actor on schedule).
/// </summary>
public sealed class AlertEvaluator(
    IDbContextFactory<AvaDbContext> contexts,
    PermissionGuard guard,
    IEnumerable<IAlertRule> rules,
    AlertBook book,
    AuditTrail trail,
    AlertWebhookDispatcher webhook,
    IOptionsMonitor<AlertOptions> options,
    LiveUpdates updates,
    TimeProvider clock,
    ILogger<AlertEvaluator> logger)
{
    public async Task<AlertEvaluation> EvaluateAsync(CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(Permissions.ViewDashboards);
        var now = clock.GetUtcNow();
        var settings = options.CurrentValue;

        // Reading outside the transaction: a SQLite write transaction holds the database's one write lock.
        var findings = new List<(IAlertRule Rule, IReadOnlyList<AlertFinding> Found)>();
        await using (var read = await contexts.CreateDbContextAsync(cancellationToken))
        {
            foreach (var rule in rules)
            {
                findings.Add((rule, await rule.FindAsync(read, now, settings, cancellationToken)));
            }
        }

        var kinds = findings.Select(f => f.Rule.Kind).ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var active = await db.Alerts.Where(a => a.ResolvedAt == null && kinds.Contains(a.Kind)).ToListAsync(cancellationToken);
        if (active.Count == 0 && findings.All(f => f.Found.Count == 0))
        {
            return new AlertEvaluation(0, 0, 0, 0, await webhook.QueuePendingAsync(cancellationToken));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var raised = new List<Domain.Alerts.Alert>();
        var resolved = new List<Domain.Alerts.Alert>();
        int seenAgain = 0, silenced = 0;
        foreach (var (rule, found) in findings)
        {
            foreach (var finding in found)
            {
                var (alert, outcome) = await book.RecordAsync(db, finding, cancellationToken);
                if (outcome == AlertOutcome.Raised)
                {
                    raised.Add(alert!);
                }
                else if (outcome == AlertOutcome.SeenAgain)
                {
                    seenAgain++;
                }
                else
                {
                    silenced++;
                }
            }

            var subjects = found.Select(f => f.Subject).ToHashSet(StringComparer.Ordinal);
            foreach (var cleared in active.Where(a => a.Kind == rule.Kind && !subjects.Contains(a.Subject)))
            {
                await book.ResolveAsync(db, cleared, "The condition cleared.", cancellationToken);
                resolved.Add(cleared);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var alert in raised)
        {
            await trail.AppendAsync(db, AlertBook.RaisedEntry(alert), cancellationToken);
        }

        foreach (var alert in resolved)
        {
            await trail.AppendAsync(db, AlertBook.ResolvedEntry(alert), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        updates.Publish(new AlertsChanged());
        if (raised.Count + resolved.Count > 0)
        {
            logger.LogWarning("Alert rules raised {Raised} and resolved {Resolved} alert(s): {Subjects}",
                raised.Count, resolved.Count, string.Join(", ", raised.Concat(resolved).Select(a => $"{a.Kind}/{a.Subject}")));
        }

        return new AlertEvaluation(raised.Count, seenAgain, silenced, resolved.Count, await webhook.QueuePendingAsync(cancellationToken));
    }
}
