using Ava.Domain.Commands;
using Ava.Domain.Security;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Ava.Infrastructure.Commands;

/// <summary>Reads the execution queue and its history (view_execution_queue): Developers see it, Admins too.</summary>
public sealed class CommandExecutionQueries(IDbContextFactory<AvaDbContext> contexts, PermissionGuard guard, CommandPolicy policy)
{
    /// <summary>Runs matching the query: the queue by request time (oldest waits longest, so first), the history newest first.</summary>
    public async Task<Paged<ExecutionRow>> ListAsync(ExecutionQuery query, PageRequest page, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(Permissions.ViewExecutionQueue);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var runs = db.CommandExecutions.AsNoTracking();
        runs = query.Scope switch
        {
            ExecutionScope.Queue => runs.Where(e => CommandExecutionStatuses.Active.Contains(e.Status)),
            ExecutionScope.History => runs.Where(e => CommandExecutionStatuses.Finished.Contains(e.Status)),
            _ => runs,
        };
        if (query.Status is { } status)
        {
            runs = runs.Where(e => e.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(query.Command))
        {
            runs = runs.Where(e => e.CommandName == query.Command.Trim());
        }

        if (!string.IsNullOrWhiteSpace(query.RequestedBy))
        {
            var requester = query.RequestedBy.Trim();
            runs = runs.Where(e => e.RequestedBy.Contains(requester));
        }

        var total = await runs.CountAsync(cancellationToken);
        var ordered = query.Scope == ExecutionScope.Queue
            ? runs.OrderBy(e => e.RequestedAt).ThenBy(e => e.Id)
            : runs.OrderByDescending(e => e.RequestedAt).ThenByDescending(e => e.Id);
        var items = await ordered.Page(page)
            .Select(e => new ExecutionRow(e.Id, e.CommandName, e.Arguments, e.Status, e.RequestedBy, e.RequestedAt, e.ApprovedBy, e.StartedAt, e.EndedAt, e.ExitCode))
            .ToListAsync(cancellationToken);
        return new Paged<ExecutionRow>(items, total, page);
    }

    public async Task<ExecutionDetail?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(Permissions.ViewExecutionQueue);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var execution = await db.CommandExecutions.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        return execution is null ? null : ExecutionDetail.From(execution);
    }

    /// <summary>The command names to filter by: every definition and every command that has a run.</summary>
    public async Task<IReadOnlyList<string>> ListCommandNamesAsync(CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(Permissions.ViewExecutionQueue);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var used = await db.CommandExecutions.Select(e => e.CommandName).Distinct().Take(200).ToListAsync(cancellationToken);
        return used.Union(policy.Definitions.Select(d => d.Name)).Order(StringComparer.Ordinal).ToList();
    }
}
