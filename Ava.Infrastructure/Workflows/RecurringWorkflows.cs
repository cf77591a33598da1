using System.Linq.Expressions;
using Ava.Infrastructure.Audit;
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
        new(AuditCheckpointJob.Name, "Signs the audit chain's head with the checkpoint key, so a rewritten chain is caught.",
            o => o.AuditCheckpointCron, JobOf<AuditCheckpointJob>(j => j.RunAsync(CancellationToken.None))),
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
