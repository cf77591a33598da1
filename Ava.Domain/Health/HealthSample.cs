namespace Ava.Domain.Health;

/// <summary>What a health check found. "Not configured" is a state of its own, never a failure.</summary>
public enum HealthState
{
    Healthy = 0,
    Degraded = 1,
    Unhealthy = 2,
    NotConfigured = 3,
}

/// <summary>One health check's result at one moment: the history behind the tiles, kept for a few days.</summary>
public sealed class HealthSample
{
    public const int CheckNameMaxLength = 100;
    public const int DescriptionMaxLength = 500;

    private HealthSample()
    {
    }

    public HealthSample(string checkName, HealthState state, int durationMs, string? description, DateTimeOffset sampledAt)
    {
        CheckName = checkName;
        State = state;
        DurationMs = Math.Max(0, durationMs);
        Description = description is null || description.Length <= DescriptionMaxLength ? description : description[..DescriptionMaxLength];
        SampledAt = sampledAt;
    }

    public long Id { get; private set; }

    public string CheckName { get; private set; } = "";

    public HealthState State { get; private set; }

    /// <summary>How long the check took.</summary>
    public int DurationMs { get; private set; }

    public string? Description { get; private set; }

    public DateTimeOffset SampledAt { get; private set; }

    /// <summary>Whether the check was up: healthy, degraded, or not configured (which is not a failure).</summary>
    public static bool IsUp(HealthState state) => state != HealthState.Unhealthy;

    /// <summary>Whether the state calls for attention (degraded or unhealthy).</summary>
    public static bool IsImpaired(HealthState state) => state is HealthState.Degraded or HealthState.Unhealthy;
}
