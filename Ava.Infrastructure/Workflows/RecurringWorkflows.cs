using System.Linq.Expressions;
using Ava.Infrastructure.Audit;
using Ava.Infrastructure.Configuration;
using Hangfire;
using Hangfire.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ava.Infrastructure.Workflows;

/// <summary>When a recurring workflow runs: a cron read in a time zone.</summary>
public sealed record WorkflowSchedule(string Cron, TimeZoneInfo TimeZone);

/// <summary>A workflow that runs on a schedule and can be started by hand.</summary>
public sealed record WorkflowDefinition(string Name, string Description, Func<IServiceProvider, WorkflowSchedule> Schedule, Job Job);

/// <summary>Every recurring job of the product, registered in this one place at start-up.</summary>
public static class RecurringWorkflows
{
    public static IReadOnlyList<WorkflowDefinition> All { get; } =
    [
        new(ArchiveOldStreamsJob.Name, "Archives streams older than the configured age, 50 per batch.",
            s => Utc(s, o => o.ArchiveCron), JobOf<ArchiveOldStreamsJob>(j => j.RunAsync(null, CancellationToken.None))),
        new(WorkflowRunRetentionJob.Name, "Deletes finished workflow runs past the retention period.",
            s => Utc(s, o => o.RunRetentionCron), JobOf<WorkflowRunRetentionJob>(j => j.RunAsync(CancellationToken.None))),
        new(MorningBriefingJob.Name, "Writes today's morning briefing from the last 24 hours of streams, unless it exists.",
            InBriefingZone,
            JobOf<MorningBriefingJob>(j => j.RunAsync(null, CancellationToken.None))),
        new(AuditCheckpointJob.Name, "Signs the audit chain's head with the checkpoint key, so a rewritten chain is caught.",
            s => Utc(s, o => o.AuditCheckpointCron), JobOf<AuditCheckpointJob>(j => j.RunAsync(CancellationToken.None))),
        new(SampleHealthJob.Name, "Records every health check for the tiles' history and prunes samples past the history's days.",
            s => Utc(s, o => o.HealthSampleCron), JobOf<SampleHealthJob>(j => j.RunAsync(CancellationToken.None))),
        new(EvaluateAlertsJob.Name, "Runs the alert rules: raises, counts and resolves alerts, and queues their webhook messages.",
            s => Utc(s, o => o.AlertRulesCron), JobOf<EvaluateAlertsJob>(j => j.RunAsync(CancellationToken.None))),
    ];

    public static WorkflowDefinition? Find(string name) => All.FirstOrDefault(w => w.Name == name);

    public static void Register(IRecurringJobManager recurring, IServiceProvider services)
    {
        foreach (var workflow in All)
        {
            var schedule = workflow.Schedule(services);
            recurring.AddOrUpdate(workflow.Name, workflow.Job, schedule.Cron, new RecurringJobOptions { TimeZone = schedule.TimeZone });
        }
    }

    private static WorkflowSchedule Utc(IServiceProvider services, Func<WorkflowOptions, string> cron) =>
        new(cron(services.GetRequiredService<IOptions<WorkflowOptions>>().Value), TimeZoneInfo.Utc);

    private static WorkflowSchedule InBriefingZone(IServiceProvider services)
    {
        var briefings = services.GetRequiredService<IOptions<BriefingOptions>>().Value;
        return new WorkflowSchedule(briefings.Cron, briefings.Zone());
    }

    private static Job JobOf<T>(Expression<Func<T, Task>> call) => Job.FromExpression(call);
}
