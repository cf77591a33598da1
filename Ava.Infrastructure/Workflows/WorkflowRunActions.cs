using Ava.Domain.Audit;
using Ava.Domain.Security;
using Ava.Domain.Workflows;
using Ava.Infrastructure.Audit;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Security;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;

namespace Ava.Infrastructure.Workflows;

/// <summary>
/// What an administrator (execute_commands) can do about a run that is stuck, such as one running for hours:
/// cancel it (its job is deleted, which signals the running job to stop), or queue it again as a new run
/// linked to it, acting for the same caller as before. Both are audited.
/// </summary>
public sealed class WorkflowRunActions(
    IDbContextFactory<AvaDbContext> contexts,
    PermissionGuard guard,
    AuditTrail trail,
    IBackgroundJobClient jobs,
    LiveUpdates updates,
    TimeProvider clock)
{
    public async Task CancelAsync(long runId, CancellationToken cancellationToken = default)
    {
        var user = await guard.DemandAsync(Permissions.ExecuteCommands);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var run = await FindAsync(db, runId, cancellationToken);
        run.MarkCancelled(user.DisplayName(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await trail.AppendAsync(db, Entry(WorkflowAuditActions.Cancelled, run, null), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        jobs.Delete(run.JobId);
        updates.Publish(new WorkflowRunChanged(run.JobId));
    }

    /// <summary>Queues the run's job again as a new run; a run still going is cancelled first.</summary>
    /// <returns>The Hangfire job id of the new run.</returns>
    public async Task<string> RequeueAsync(long runId, CancellationToken cancellationToken = default)
    {
        var user = await guard.DemandAsync(Permissions.ExecuteCommands);
        WorkflowRun run;
        Job job;
        bool wasRunning;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            run = await FindAsync(db, runId, cancellationToken);
            try
            {
                job = InvocationData.DeserializePayload(run.JobPayload).DeserializeJob();
            }
            catch (JobLoadException)
            {
                throw new Domain.Common.DomainException($"Run #{runId} of {run.WorkflowName} cannot be queued again: its job no longer exists in this version.");
            }

            wasRunning = !run.HasEnded;
            if (wasRunning)
            {
                run.MarkCancelled(user.DisplayName(), clock.GetUtcNow());
                await db.SaveChangesAsync(cancellationToken);
                await trail.AppendAsync(db, Entry(WorkflowAuditActions.Cancelled, run, null), cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        if (wasRunning)
        {
            jobs.Delete(run.JobId);
        }

        // Outside any transaction: queuing the job records its run in a context of its own.
        string jobId;
        using (WorkflowTriggerScope.Begin(run.Trigger, run.RequestedById, run.Id))
        {
            jobId = jobs.Create(job, new EnqueuedState());
        }

        await trail.RecordAsync(Entry(WorkflowAuditActions.Requeued, run, jobId), cancellationToken: cancellationToken);
        updates.Publish(new WorkflowRunChanged(run.JobId));
        return jobId;
    }

    private static async Task<WorkflowRun> FindAsync(AvaDbContext db, long runId, CancellationToken cancellationToken) =>
        await db.WorkflowRuns.SingleOrDefaultAsync(r => r.Id == runId, cancellationToken)
            ?? throw new NotFoundException($"There is no workflow run #{runId}.");

    private static AuditEntry Entry(string action, WorkflowRun run, string? newJobId) => new(
        action, $"workflow/{run.WorkflowName}", true,
        Metadata: AuditTrail.Metadata(new { runId = run.Id, jobId = run.JobId, newJobId, status = run.Status.ToString() }));
}
