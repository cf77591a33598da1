using Ava.Domain.Workflows;
using Ava.Infrastructure.Persistence;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Ava.Infrastructure.Workflows;

/// <summary>
/// With the in-memory job store a restart loses every queued and running job; the WorkflowRun
/// table still knows them. At start-up each unfinished run is marked Interrupted and its job
/// queued again with the same arguments (jobs are idempotent, so re-running is safe).
/// </summary>
public sealed class WorkflowRecovery(
    IDbContextFactory<AvaDbContext> contexts,
    IBackgroundJobClient jobs,
    TimeProvider clock,
    ILogger<WorkflowRecovery> logger)
{
    private static readonly WorkflowStatus[] Unfinished = [WorkflowStatus.Pending, WorkflowStatus.Running, WorkflowStatus.Retrying];

    /// <returns>How many runs were queued again.</returns>
    public async Task<int> RequeueInterruptedRunsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var runs = await db.WorkflowRuns.Where(r => Unfinished.Contains(r.Status)).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        foreach (var run in runs)
        {
            run.MarkInterrupted(clock.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken);

        var requeued = 0;
        foreach (var run in runs)
        {
            Job job;
            try
            {
                job = InvocationData.DeserializePayload(run.JobPayload).DeserializeJob();
            }
            catch (JobLoadException ex)
            {
                logger.LogError(ex, "Interrupted run {RunId} ({Workflow}) cannot be queued again: its job no longer loads", run.Id, run.WorkflowName);
                continue;
            }

            using (WorkflowTriggerScope.Begin(run.Trigger, run.RequestedById, run.Id))
            {
                jobs.Create(job, new EnqueuedState());
            }

            requeued++;
            logger.LogWarning("Workflow run {RunId} ({Workflow}) was interrupted by a restart and has been queued again", run.Id, run.WorkflowName);
        }

        return requeued;
    }
}
