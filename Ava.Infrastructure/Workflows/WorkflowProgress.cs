using Ava.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ava.Infrastructure.Workflows;

/// <summary>Writes a running job's progress onto its WorkflowRun, inside the job's own transaction when it has one.</summary>
public static class WorkflowProgress
{
    public static Task ReportAsync(AvaDbContext db, string? jobId, int processed, int total, CancellationToken cancellationToken) =>
        jobId is null
            ? Task.CompletedTask
            : db.WorkflowRuns.Where(r => r.JobId == jobId).ExecuteUpdateAsync(
                s => s.SetProperty(r => r.ProgressProcessed, processed).SetProperty(r => r.ProgressTotal, total),
                cancellationToken);
}
