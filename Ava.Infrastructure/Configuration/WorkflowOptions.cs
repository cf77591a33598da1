namespace Ava.Infrastructure.Configuration;

/// <summary>The <c>Workflows</c> section: Hangfire retries and the recurring schedules.</summary>
public sealed class WorkflowOptions
{
    public const string Section = "Workflows";

    /// <summary>Attempts after the first one.</summary>
    public int RetryAttempts { get; set; } = 3;

    public static readonly IReadOnlyList<int> DefaultRetryDelaysSeconds = [60, 120, 240];

    /// <summary>
    /// Delay before each retry, in seconds; the last value repeats if there are more attempts.
    /// Empty until bound: the configuration binder appends to an array's existing items, so a
    /// default here would come before every configured delay. Read <see cref="EffectiveRetryDelaysSeconds"/>.
    /// </summary>
    public int[] RetryDelaysSeconds { get; set; } = [];

    /// <summary>Run the Hangfire server inside this process.</summary>
    public bool RunServer { get; set; } = true;

    /// <summary>Worker threads of the in-process Hangfire server.</summary>
    public int WorkerCount { get; set; } = 4;

    /// <summary>How long finished workflow runs are kept.</summary>
    public int RunRetentionDays { get; set; } = 90;

    /// <summary>Cron of the workflow-run retention job.</summary>
    public string RunRetentionCron { get; set; } = "30 3 * * *";

    /// <summary>Streams older than this many days (and not archived) are archived by archive-old-streams.</summary>
    public int ArchiveAfterDays { get; set; } = 30;

    /// <summary>Cron of archive-old-streams (UTC).</summary>
    public string ArchiveCron { get; set; } = "15 2 * * *";

    /// <summary>Cron of sample-health, which records every health check (UTC).</summary>
    public string HealthSampleCron { get; set; } = "* * * * *";

    /// <summary>Cron of evaluate-alerts, which runs the alert rules and hands webhook messages over (UTC).</summary>
    public string AlertRulesCron { get; set; } = "* * * * *";

    /// <summary>Cron of audit-checkpoint (UTC), which signs the audit chain's head; hourly by default.</summary>
    public string AuditCheckpointCron { get; set; } = "0 * * * *";

    /// <summary>The configured retry delays, or <see cref="DefaultRetryDelaysSeconds"/> when none are configured.</summary>
    public int[] EffectiveRetryDelaysSeconds() =>
        RetryDelaysSeconds.Length > 0 ? RetryDelaysSeconds : [.. DefaultRetryDelaysSeconds];
}
