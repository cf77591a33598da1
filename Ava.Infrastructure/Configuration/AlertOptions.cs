namespace Ava.Infrastructure.Configuration;

/// <summary>The <c>Alerts</c> section: the rules' thresholds and the optional webhook.</summary>
public sealed class AlertOptions
{
    public const string Section = "Alerts";

    /// <summary>An hour with more than this share of requests answered 5xx raises the error-rate alert.</summary>
    public double ErrorRatePercent { get; set; } = 15;

    /// <summary>Below this many requests in the hour the error rate is not judged (one failed request of two is not an outage).</summary>
    public int ErrorRateMinimumRequests { get; set; } = 20;

    /// <summary>A workflow run running for longer than this raises an alert.</summary>
    public int WorkflowRunningHours { get; set; } = 4;

    /// <summary>This many failed changesets within <see cref="FailedChangeSetsWindowHours"/> raise an alert.</summary>
    public int FailedChangeSetsThreshold { get; set; } = 3;

    public int FailedChangeSetsWindowHours { get; set; } = 6;

    /// <summary>This many refusals of one user within <see cref="SecurityViolationWindowMinutes"/> raise an alert.</summary>
    public int SecurityViolationThreshold { get; set; } = 5;

    public int SecurityViolationWindowMinutes { get; set; } = 10;

    /// <summary>A health check degraded or unhealthy for longer than this raises an alert.</summary>
    public int HealthDegradedMinutes { get; set; } = 5;

    /// <summary>Where a JSON message goes for every new and resolved alert (environment or user secrets: such an address is a credential).</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>How long one delivery attempt may take.</summary>
    public int WebhookTimeoutSeconds { get; set; } = 10;
}

/// <summary>The <c>Maintenance</c> section.</summary>
public sealed class MaintenanceOptions
{
    public const string Section = "Maintenance";

    /// <summary>The Retry-After the API sends during maintenance without an expected end.</summary>
    public int RetryAfterSeconds { get; set; } = 300;

    /// <summary>How often each instance re-reads maintenance mode and the feature flags, so a switch made on another instance reaches its pages.</summary>
    public int RefreshSeconds { get; set; } = 10;
}
