using Ava.Infrastructure.Configuration;
using Hangfire;

namespace Ava.Infrastructure.Workflows;

/// <summary>Every recurring job of the product, registered in this one place at start-up.</summary>
public static class RecurringWorkflows
{
    public static void Register(IRecurringJobManager recurring, WorkflowOptions options)
    {
        recurring.AddOrUpdate<WorkflowRunRetentionJob>(
            WorkflowRunRetentionJob.Name,
            job => job.RunAsync(CancellationToken.None),
            options.RunRetentionCron,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
    }
}
