using Ava.Domain.Workflows;
using Ava.Infrastructure.Configuration;
using Ava.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ava.Infrastructure.Workflows;

/// <summary>Deletes finished workflow runs older than <see cref="WorkflowOptions.RunRetentionDays"/>.</summary>
[WorkflowName(Name)]
public sealed class WorkflowRunRetentionJob(IDbContextFactory<AvaDbContext> contexts, IOptions<WorkflowOptions> options, TimeProvider clock)
{
    public const string Name = "prune-workflow-runs";

    private static readonly WorkflowStatus[] Finished = [WorkflowStatus.Succeeded, WorkflowStatus.Failed, WorkflowStatus.Interrupted, WorkflowStatus.Cancelled];

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().AddDays(-options.Value.RunRetentionDays);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.WorkflowRuns
            .Where(r => Finished.Contains(r.Status) && r.QueuedAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken);
    }
}
