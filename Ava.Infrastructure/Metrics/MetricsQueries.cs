using Ava.Domain.Recommendations;
using Ava.Domain.Security;
using Ava.Domain.Workflows;
using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Ava.Infrastructure.Metrics;

public enum MetricsWindow
{
    /// <summary>The last 24 hours.</summary>
    Day,

    /// <summary>The last 7 days.</summary>
    Week,
}

/// <summary>The metrics of one window: its hours and the groups of series drawn on the health page.</summary>
public sealed record MetricsReport(MetricsWindow Window, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<DateTimeOffset> Hours, IReadOnlyList<MetricGroup> Groups);

/// <summary>
/// Metrics another feature adds from rows of its own (briefing satisfaction once briefings exist, say):
/// register an implementation and its group appears on the page and in the API.
/// </summary>
public interface IMetricSource
{
    /// <returns>The group, or null when the feature has nothing to measure (no rows at all).</returns>
    Task<MetricGroup?> ReadAsync(AvaDbContext db, HourBuckets hours, CancellationToken cancellationToken);
}

/// <summary>
/// Operations metrics over a rolling window in hourly buckets (view_dashboards), computed from recorded rows:
/// recommendation decisions, changesets, workflow runs, prompt runs and the host's request tallies. Nothing is
/// kept in counters a restart would lose.
/// </summary>
public sealed class MetricsQueries(IDbContextFactory<AvaDbContext> contexts, PermissionGuard guard, IEnumerable<IMetricSource> sources, TimeProvider clock)
{
    public static int HoursOf(MetricsWindow window) => window == MetricsWindow.Week ? 24 * 7 : 24;

    public async Task<MetricsReport> GetAsync(MetricsWindow window, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(Permissions.ViewDashboards);
        var hours = new HourBuckets(clock.GetUtcNow(), HoursOf(window));
        var start = hours.Start;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        var decisions = await db.Recommendations.AsNoTracking()
            .Where(r => r.Status != RecommendationStatus.Pending && r.DecidedAt >= start)
            .Select(r => new { At = r.DecidedAt!.Value, r.Status })
            .ToListAsync(cancellationToken);
        var approved = new[] { RecommendationStatus.Applied, RecommendationStatus.RolledBack, RecommendationStatus.Failed };
        var recommendations = new MetricGroup("recommendations", "Recommendations",
        [
            hours.Counts("recommendations.decided", "Decided", decisions.Select(d => d.At)),
            hours.Rate("recommendations.approval_rate", "Approval rate", decisions.Select(d => (d.At, approved.Contains(d.Status)))),
            hours.Rate("recommendations.escalation_rate", "Escalation rate", decisions.Select(d => (d.At, d.Status == RecommendationStatus.Escalated))),
        ]);

        var applied = await db.ChangeSets.AsNoTracking().Where(c => c.AppliedAt >= start).Select(c => c.AppliedAt).ToListAsync(cancellationToken);
        var rolledBack = await db.ChangeSets.AsNoTracking().Where(c => c.RolledBackAt >= start).Select(c => c.RolledBackAt!.Value).ToListAsync(cancellationToken);
        var failed = decisions.Where(d => d.Status == RecommendationStatus.Failed).Select(d => d.At).ToList();
        var changeSets = new MetricGroup("changesets", "Changesets",
        [
            hours.Counts("changesets.applied", "Applied", applied),
            hours.Counts("changesets.failed", "Failed", failed),
            hours.Counts("changesets.rolled_back", "Rolled back", rolledBack),
            hours.Rate("changesets.success_rate", "Success rate", applied.Select(at => (at, true)).Concat(failed.Select(at => (at, false)))),
        ]);

        var runs = await db.WorkflowRuns.AsNoTracking()
            .Where(r => r.EndedAt >= start && (r.Status == WorkflowStatus.Succeeded || r.Status == WorkflowStatus.Failed))
            .Select(r => new { At = r.EndedAt!.Value, r.Status, r.QueuedAt, r.StartedAt })
            .ToListAsync(cancellationToken);
        var workflows = new MetricGroup("workflows", "Workflows",
        [
            hours.Counts("workflows.finished", "Finished runs", runs.Select(r => r.At)),
            hours.Rate("workflows.success_rate", "Success rate", runs.Select(r => (r.At, r.Status == WorkflowStatus.Succeeded))),
            hours.Averages("workflows.queue_wait_ms", "Average queue wait", MetricUnit.Milliseconds,
                runs.Where(r => r.StartedAt is not null).Select(r => (r.At, (r.StartedAt!.Value - r.QueuedAt).TotalMilliseconds))),
            hours.Averages("workflows.run_time_ms", "Average run time", MetricUnit.Milliseconds,
                runs.Where(r => r.StartedAt is not null).Select(r => (r.At, (r.At - r.StartedAt!.Value).TotalMilliseconds))),
        ]);

        var promptRuns = await db.PromptRuns.AsNoTracking().Where(r => r.StartedAt >= start)
            .Select(r => new { r.StartedAt, Tokens = r.TokensIn + r.TokensOut, r.DurationMs })
            .ToListAsync(cancellationToken);
        var ai = new MetricGroup("ai", "AI",
        [
            hours.Counts("ai.runs", "Runs", promptRuns.Select(r => r.StartedAt)),
            hours.Sums("ai.tokens", "Tokens", MetricUnit.Tokens, promptRuns.Select(r => (r.StartedAt, (double)r.Tokens))),
            hours.Averages("ai.latency_ms", "Average latency", MetricUnit.Milliseconds, promptRuns.Select(r => (r.StartedAt, (double)r.DurationMs))),
        ]);

        var tallies = await db.RequestTallies.AsNoTracking().Where(t => t.MinuteStart >= start)
            .Select(t => new { t.MinuteStart, t.Requests, t.ServerErrors })
            .ToListAsync(cancellationToken);
        var requests = new MetricGroup("requests", "Requests",
        [
            hours.Sums("requests.count", "Requests", MetricUnit.Count, tallies.Select(t => (t.MinuteStart, (double)t.Requests))),
            hours.Sums("requests.server_errors", "Server errors (5xx)", MetricUnit.Count, tallies.Select(t => (t.MinuteStart, (double)t.ServerErrors))),
            hours.Rate("requests.error_rate", "Error rate", tallies.Select(t => (t.MinuteStart, t.ServerErrors, t.Requests))),
        ]);

        var groups = new List<MetricGroup> { recommendations, changeSets, workflows, ai, requests };
        foreach (var source in sources)
        {
            if (await source.ReadAsync(db, hours, cancellationToken) is { } extra)
            {
                groups.Add(extra);
            }
        }

        return new MetricsReport(window, hours.Start, hours.End, hours.Hours, groups);
    }
}
