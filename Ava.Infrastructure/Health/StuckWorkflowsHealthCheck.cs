using System.Globalization;
using Ava.Domain.Workflows;
using Ava.Infrastructure.Configuration;
using Ava.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Ava.Infrastructure.Health;

/// <summary>Workflow runs running for longer than <see cref="AlertOptions.WorkflowRunningHours"/> make it degraded.</summary>
internal sealed class StuckWorkflowsHealthCheck(IDbContextFactory<AvaDbContext> contexts, IOptionsMonitor<AlertOptions> options, TimeProvider clock) : IHealthCheck
{
    public const string Name = "stuck-workflows";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var hours = options.CurrentValue.WorkflowRunningHours;
        var cutoff = clock.GetUtcNow().AddHours(-hours);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var running = await db.WorkflowRuns.CountAsync(r => r.Status == WorkflowStatus.Running, cancellationToken);
        var stuck = await db.WorkflowRuns.AsNoTracking()
            .Where(r => r.Status == WorkflowStatus.Running && r.StartedAt < cutoff)
            .OrderBy(r => r.StartedAt)
            .Select(r => new { r.Id, r.WorkflowName })
            .Take(5)
            .ToListAsync(cancellationToken);
        var data = new Dictionary<string, object> { ["running"] = running, ["stuck"] = stuck.Count };
        return stuck.Count == 0
            ? HealthCheckResult.Healthy(string.Create(CultureInfo.InvariantCulture, $"{running} run(s) in progress, none for more than {hours} h."), data)
            : HealthCheckResult.Degraded(
                $"Running for more than {hours} h: {string.Join(", ", stuck.Select(r => $"#{r.Id} {r.WorkflowName}"))}.", data: data);
    }
}
