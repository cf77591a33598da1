using System.Linq.Expressions;
using Ava.Infrastructure.Configuration;
using Hangfire;
using Hangfire.Common;

namespace Ava.Infrastructure.Workflows;

/// <summary>A workflow that runs on a schedule and can be started by hand.</summary>
public sealed record WorkflowDefinition(string Name, string Description, Func<WorkflowOptions, string> Cron, Job Job);

/// <summary>Every recurring job of the product, registered in this one place at start-up.</summary>
public static class RecurringWorkflows
{
    public static IReadOnlyList<WorkflowDefinition> All { get; } =
    [
        new(ArchiveOldStreamsJob.Name, "Archives streams older than the configured age, 50 per batch.",
            o => o.ArchiveCron, JobOf<ArchiveOldStreamsJob>(j => j.RunAsync(null, CancellationToken.None))),
        new(WorkflowRunRetentionJob.Name, "Deletes finished workflow runs past the retention period.",
            o => o.RunRetentionCron, JobOf<WorkflowRunRetentionJob>(j => j.RunAsync(CancellationToken.None))),
        new(SampleHealthJob.Name, "Records every health check for the tiles' history and prunes samples past the history's days.",
            o => o.HealthSampleCron, JobOf<SampleHealthJob>(j => j.RunAsync(CancellationToken.None))),
        new(EvaluateAlertsJob.Name, "Runs the alert rules: raises, counts and resolves alerts, and queues their webhook messages.",
            o => o.AlertRulesCron, JobOf<EvaluateAlertsJob>(j => j.RunAsync(CancellationToken.None))),
    ];

    public static WorkflowDefinition? Find(string name) => All.FirstOrDefault(w => w.Name == name);

    public static void Register(IRecurringJobManager recurring, WorkflowOptions options)
    {
        foreach (var workflow in All)
        {
            recurring.AddOrUpdate(workflow.Name, workflow.Job, workflow.Cron(options), new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        }
    }

    private static Job JobOf<T>(Expression<Func<T, Task>> call) => Job.FromExpression(call);
}
