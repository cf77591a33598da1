using Ava.Domain.Security;
using Ava.Domain.Workflows;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Ava.Infrastructure.Workflows;

public sealed record WorkflowRunRow(
    long Id,
    string WorkflowName,
    string Trigger,
    WorkflowStatus Status,
    int Attempts,
    int? ProgressProcessed,
    int? ProgressTotal,
    DateTimeOffset QueuedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    string? Error,
    string? Stage = null)
{
    public TimeSpan? Duration => StartedAt is { } start && EndedAt is { } end ? end - start : null;
}

/// <summary>
/// Reads the workflow-run history (view_execution_queue). A run's error text can carry internals (paths,
/// SQL, addresses), so only callers with view_logs read it (specification §2); others see that it failed.
/// </summary>
public sealed class WorkflowRunQueries(IDbContextFactory<AvaDbContext> contexts, PermissionGuard guard)
{
    /// <summary>What a caller without view_logs reads instead of a run's error.</summary>
    public const string HiddenError = "The run reported an error; administrators can read it (view_logs).";

    public async Task<Paged<WorkflowRunRow>> ListAsync(WorkflowStatus? status, PageRequest page, CancellationToken cancellationToken = default)
    {
        var user = await guard.DemandAsync(Permissions.ViewExecutionQueue);
        var showErrors = user.HasPermission(Permissions.ViewLogs);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var runs = db.WorkflowRuns.AsNoTracking();
        if (status is { } wanted)
        {
            runs = runs.Where(r => r.Status == wanted);
        }

        var total = await runs.CountAsync(cancellationToken);
        var items = await runs
            .OrderByDescending(r => r.QueuedAt).ThenByDescending(r => r.Id)
            .Page(page)
            .Select(r => new WorkflowRunRow(r.Id, r.WorkflowName, r.Trigger, r.Status, r.Attempts, r.ProgressProcessed, r.ProgressTotal, r.QueuedAt, r.StartedAt, r.EndedAt, r.Error, r.ProgressStage))
            .ToListAsync(cancellationToken);
        if (!showErrors)
        {
            items = items.Select(r => r.Error is null ? r : r with { Error = HiddenError }).ToList();
        }

        return new Paged<WorkflowRunRow>(items, total, page);
    }
}
