using Ava.Domain.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ava.Infrastructure.Health;

/// <summary>
/// How a check's result reads as a <see cref="HealthState"/>. A check of something optional that is not set
/// up answers Healthy with <see cref="ConfiguredKey"/> = false, so the quick health stays green and the tile
/// says "not configured".
/// </summary>
public static class HealthCheckStates
{
    public const string ConfiguredKey = "configured";

    public static HealthState Of(HealthReportEntry entry) =>
        entry.Status switch
        {
            HealthStatus.Unhealthy => HealthState.Unhealthy,
            HealthStatus.Degraded => HealthState.Degraded,
            _ when entry.Data.TryGetValue(ConfiguredKey, out var configured) && configured is false => HealthState.NotConfigured,
            _ => HealthState.Healthy,
        };

    public static string? DescriptionOf(HealthReportEntry entry) => entry.Description ?? entry.Exception?.Message;

    /// <summary>Whether any state is worse than another, for an overall status: unhealthy over degraded over the rest.</summary>
    public static HealthState Worst(IEnumerable<HealthState> states) =>
        states.Aggregate(HealthState.Healthy, (worst, state) =>
            state == HealthState.Unhealthy || worst == HealthState.Unhealthy ? HealthState.Unhealthy
            : state == HealthState.Degraded || worst == HealthState.Degraded ? HealthState.Degraded
            : HealthState.Healthy);

    public static HealthCheckResult NotConfigured(string description) =>
        HealthCheckResult.Healthy(description, new Dictionary<string, object> { [ConfiguredKey] = false });
}
