namespace Ava.Infrastructure.Configuration;

/// <summary>The <c>Health</c> section: the health history and the thresholds of the checks.</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>How long health samples and request tallies are kept (the 7-day metrics need 7).</summary>
    public int HistoryDays { get; set; } = 7;

    /// <summary>A tile whose last sample is older than this says the sampling has stopped.</summary>
    public int StaleAfterMinutes { get; set; } = 5;

    /// <summary>The folder whose free space is checked; the SQLite database's folder (or the content root) when not set.</summary>
    public string? DataFolder { get; set; }

    /// <summary>Free space below this makes the disk check degraded.</summary>
    public int DiskDegradedBelowMegabytes { get; set; } = 1024;

    /// <summary>Free space below this makes the disk check unhealthy.</summary>
    public int DiskUnhealthyBelowMegabytes { get; set; } = 256;

    /// <summary>Failed Hangfire jobs (kept by the job store) at or above this make the Hangfire check degraded.</summary>
    public int FailedJobsDegradedAt { get; set; } = 10;

    /// <summary>The most audit events one check verifies; the rest wait for the next check.</summary>
    public int AuditChainBatch { get; set; } = 100_000;
}

/// <summary>The <c>Integrations</c> section: external services the dashboard checks when they are configured.</summary>
public sealed class IntegrationsOptions
{
    public const string Section = "Integrations";

    public ExternalApiOptions GitHub { get; set; } = new() { ApiUrl = "https://api.github.com" };

    public ExternalApiOptions Notion { get; set; } = new() { ApiUrl = "https://api.notion.com/v1" };
}

public sealed class ExternalApiOptions
{
    /// <summary>The API's base address (a test or an enterprise server may change it).</summary>
    public string? ApiUrl { get; set; }

    /// <summary>A token from the environment or user secrets; without one the service is "not configured".</summary>
    public string? Token { get; set; }
}
