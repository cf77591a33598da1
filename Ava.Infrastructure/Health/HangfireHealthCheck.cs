using Ava.Infrastructure.Configuration;
using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Ava.Infrastructure.Health;

/// <summary>
/// Whether a Hangfire server is alive on the job store (on any instance) and how many failed jobs the store
/// keeps. With no server, scheduled workflows, the health sampling and the alert rules have all stopped.
/// </summary>
internal sealed class HangfireHealthCheck(JobStorage storage, IOptionsMonitor<HealthOptions> options) : IHealthCheck
{
    public const string Name = "hangfire";

    /// <summary>A server that has not beaten its heart for this long is gone (it beats every 30 s).</summary>
    public static readonly TimeSpan HeartbeatTimeout = TimeSpan.FromMinutes(2);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var monitoring = storage.GetMonitoringApi();

        // Hangfire stamps heartbeats with the machine's clock, not the app's TimeProvider.
        var alive = monitoring.Servers().Count(s => s.Heartbeat is { } beat && DateTime.UtcNow - beat < HeartbeatTimeout);
        var failed = monitoring.FailedCount();
        var data = new Dictionary<string, object> { ["servers"] = alive, ["failedJobs"] = failed };
        if (alive == 0)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(
                "No Hangfire server is running: scheduled workflows, the health sampling and the alert rules have stopped.", data: data));
        }

        var servers = alive == 1 ? "1 server" : $"{alive} servers";
        return Task.FromResult(failed >= options.CurrentValue.FailedJobsDegradedAt
            ? HealthCheckResult.Degraded($"{servers} alive; the job store keeps {failed} failed jobs.", data: data)
            : HealthCheckResult.Healthy($"{servers} alive, {failed} failed job(s) kept.", data));
    }
}
