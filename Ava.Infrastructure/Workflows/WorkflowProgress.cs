using Ava.Domain.Workflows;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ava.Infrastructure.Workflows;

/// <summary>The live-update topic of the workflows page: a run was recorded, started, progressed or ended.</summary>
public sealed record WorkflowRunChanged(string JobId);

/// <summary>Writes a running job's progress onto its WorkflowRun and tells the open workflows pages.</summary>
public sealed class WorkflowProgress(IDbContextFactory<AvaDbContext> contexts, LiveUpdates updates)
{
    /// <param name="jobId">The Hangfire job id of the run; nothing is written without one (a job called directly).</param>
    public Task ReportAsync(string? jobId, int processed, int total, CancellationToken cancellationToken) =>
        ReportAsync(jobId, processed, total, null, cancellationToken);

    /// <summary>Progress through named stages: <paramref name="processed"/> of <paramref name="total"/> stages done, <paramref name="stage"/> the one under way.</summary>
    public async Task ReportAsync(string? jobId, int processed, int total, string? stage, CancellationToken cancellationToken)
    {
        if (jobId is null)
        {
            return;
        }

        stage = stage is { Length: > WorkflowRun.MaxStageLength } ? stage[..WorkflowRun.MaxStageLength] : stage;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.WorkflowRuns.Where(r => r.JobId == jobId).ExecuteUpdateAsync(
            s => s.SetProperty(r => r.ProgressProcessed, processed).SetProperty(r => r.ProgressTotal, total).SetProperty(r => r.ProgressStage, stage),
            cancellationToken);
        updates.Publish(new WorkflowRunChanged(jobId));
    }
}
