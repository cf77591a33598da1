using System.Globalization;
using Ava.Domain.Alerts;
using Ava.Domain.Health;
using Ava.Domain.Recommendations;
using Ava.Domain.Security;
using Ava.Domain.Workflows;
using Ava.Infrastructure.Configuration;
using Ava.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Ava.Infrastructure.Alerts;

/// <summary>
/// One alert rule of the rule job: what holds now, per subject, read from recorded rows. An active alert of
/// the rule whose subject is no longer found is resolved by the job.
/// </summary>
public interface IAlertRule
{
    string Kind { get; }

    Task<IReadOnlyList<AlertFinding>> FindAsync(AvaDbContext db, DateTimeOffset now, AlertOptions options, CancellationToken cancellationToken);
}

/// <summary>More than <see cref="AlertOptions.ErrorRatePercent"/> of the last hour's requests answered 5xx (from the host's own tallies).</summary>
public sealed class ErrorRateRule : IAlertRule
{
    public const string Subject = "requests";

    public string Kind => Alert.ErrorRateKind;

    public async Task<IReadOnlyList<AlertFinding>> FindAsync(AvaDbContext db, DateTimeOffset now, AlertOptions options, CancellationToken cancellationToken)
    {
        var since = now.AddHours(-1);
        var hour = db.RequestTallies.Where(t => t.MinuteStart >= since);
        var requests = await hour.SumAsync(t => t.Requests, cancellationToken);
        if (requests < options.ErrorRateMinimumRequests)
        {
            return [];
        }

        var percent = 100.0 * await hour.SumAsync(t => t.ServerErrors, cancellationToken) / requests;
        return percent > options.ErrorRatePercent
            ? [new AlertFinding(Kind, Subject, AlertSeverity.Critical, string.Create(CultureInfo.InvariantCulture,
                $"{percent:0.#} % of {requests} requests in the last hour were answered with a server error (5xx); the threshold is {options.ErrorRatePercent:0.#} %."))]
            : [];
    }
}

/// <summary>A workflow run has been running for longer than <see cref="AlertOptions.WorkflowRunningHours"/>.</summary>
public sealed class WorkflowRunningLongRule : IAlertRule
{
    public string Kind => Alert.WorkflowRunningLongKind;

    public static string SubjectOf(long runId) => $"run/{runId}";

    /// <summary>The run an alert of this rule is about, or null for another subject.</summary>
    public static long? RunIdOf(string subject) =>
        subject.StartsWith("run/", StringComparison.Ordinal) && long.TryParse(subject.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public async Task<IReadOnlyList<AlertFinding>> FindAsync(AvaDbContext db, DateTimeOffset now, AlertOptions options, CancellationToken cancellationToken)
    {
        var cutoff = now.AddHours(-options.WorkflowRunningHours);
        var runs = await db.WorkflowRuns.AsNoTracking()
            .Where(r => r.Status == WorkflowStatus.Running && r.StartedAt < cutoff)
            .Select(r => new { r.Id, r.WorkflowName, r.StartedAt })
            .ToListAsync(cancellationToken);
        return runs.Select(r => new AlertFinding(Kind, SubjectOf(r.Id), AlertSeverity.Warning, string.Create(CultureInfo.InvariantCulture,
                $"Workflow {r.WorkflowName} run #{r.Id} has been running for {(now - r.StartedAt!.Value).TotalHours:0.#} h (started {r.StartedAt:yyyy-MM-dd HH:mm} UTC); it can be cancelled or queued again.")))
            .ToList();
    }
}

/// <summary>At least <see cref="AlertOptions.FailedChangeSetsThreshold"/> approved recommendations failed to apply within the window.</summary>
public sealed class ChangeSetsFailedRule : IAlertRule
{
    public const string Subject = "changesets";

    public string Kind => Alert.ChangeSetsFailedKind;

    public async Task<IReadOnlyList<AlertFinding>> FindAsync(AvaDbContext db, DateTimeOffset now, AlertOptions options, CancellationToken cancellationToken)
    {
        var since = now.AddHours(-options.FailedChangeSetsWindowHours);
        var failed = await db.Recommendations.CountAsync(r => r.Status == RecommendationStatus.Failed && r.DecidedAt >= since, cancellationToken);
        return failed >= options.FailedChangeSetsThreshold
            ? [new AlertFinding(Kind, Subject, AlertSeverity.Warning,
                $"{failed} changesets failed to apply within {options.FailedChangeSetsWindowHours} h (the threshold is {options.FailedChangeSetsThreshold}).")]
            : [];
    }
}

/// <summary>One user refused at least <see cref="AlertOptions.SecurityViolationThreshold"/> times within the window (raised at once by <see cref="SecurityAlerts"/>).</summary>
public sealed class SecurityViolationsRule : IAlertRule
{
    public string Kind => Alert.SecurityViolationsKind;

    public async Task<IReadOnlyList<AlertFinding>> FindAsync(AvaDbContext db, DateTimeOffset now, AlertOptions options, CancellationToken cancellationToken)
    {
        var window = TimeSpan.FromMinutes(options.SecurityViolationWindowMinutes);
        var since = now - window;
        var users = await db.AuditEvents.Where(e => e.Action == SecurityAuditActions.Violation && e.Timestamp >= since)
            .GroupBy(e => e.UserName)
            .Select(g => new { UserName = g.Key, Count = g.Count() })
            .Where(g => g.Count >= options.SecurityViolationThreshold)
            .ToListAsync(cancellationToken);
        return users.Select(u => SecurityAlerts.Finding(u.UserName, u.Count, window)).ToList();
    }
}

/// <summary>A health check's samples have been degraded or unhealthy, without a healthy one, for longer than <see cref="AlertOptions.HealthDegradedMinutes"/>.</summary>
public sealed class HealthDegradedRule(IOptions<HealthCheckServiceOptions> checks) : IAlertRule
{
    public string Kind => Alert.HealthDegradedKind;

    public async Task<IReadOnlyList<AlertFinding>> FindAsync(AvaDbContext db, DateTimeOffset now, AlertOptions options, CancellationToken cancellationToken)
    {
        var grace = TimeSpan.FromMinutes(options.HealthDegradedMinutes);
        var findings = new List<AlertFinding>();
        foreach (var name in checks.Value.Registrations.Select(r => r.Name))
        {
            if (await ImpairedSinceAsync(db, name, cancellationToken) is not { } impaired || now - impaired.Since < grace)
            {
                continue;
            }

            var state = impaired.Latest.State == HealthState.Unhealthy ? "unhealthy" : "degraded";
            findings.Add(new AlertFinding(Kind, name,
                impaired.Latest.State == HealthState.Unhealthy ? AlertSeverity.Critical : AlertSeverity.Warning,
                string.Create(CultureInfo.InvariantCulture,
                    $"{name} has been {state} since {impaired.Since:yyyy-MM-dd HH:mm} UTC ({(now - impaired.Since).TotalMinutes:0} min): {impaired.Latest.Description}")));
        }

        return findings;
    }

    /// <summary>The check's latest sample when it is impaired, and when the run of impaired samples it ends began.</summary>
    public static async Task<(HealthSample Latest, DateTimeOffset Since)?> ImpairedSinceAsync(AvaDbContext db, string name, CancellationToken cancellationToken)
    {
        var samples = db.HealthSamples.AsNoTracking().Where(s => s.CheckName == name);
        var latest = await samples.OrderByDescending(s => s.SampledAt).FirstOrDefaultAsync(cancellationToken);
        if (latest is null || !HealthSample.IsImpaired(latest.State))
        {
            return null;
        }

        var lastGood = await samples
            .Where(s => s.SampledAt < latest.SampledAt && s.State != HealthState.Degraded && s.State != HealthState.Unhealthy)
            .OrderByDescending(s => s.SampledAt)
            .Select(s => (DateTimeOffset?)s.SampledAt)
            .FirstOrDefaultAsync(cancellationToken);
        var since = await samples
            .Where(s => lastGood == null || s.SampledAt > lastGood)
            .OrderBy(s => s.SampledAt)
            .Select(s => s.SampledAt)
            .FirstAsync(cancellationToken);
        return (latest, since);
    }
}
