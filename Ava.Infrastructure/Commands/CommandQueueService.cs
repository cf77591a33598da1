using System.Security.Claims;
using Ava.Domain.Audit;
using Ava.Domain.Commands;
using Ava.Domain.Common;
using Ava.Domain.Security;
using Ava.Domain.Settings;
using Ava.Infrastructure.Audit;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Security;
using Ava.Infrastructure.Settings;
using Ava.Infrastructure.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Ava.Infrastructure.Commands;

/// <summary>
/// The execution queue's changes (specification §8): an Admin (execute_commands) submits a run of an allow-listed
/// command, whose values are checked against the definition before anything is queued; an approver other
/// than the requester approves a run that needs it; an Admin cancels. Every step and every refusal is
/// audited. The run itself is the run-command workflow's (<see cref="CommandRunner"/>), acting as the requester.
/// </summary>
public sealed class CommandQueueService(
    IDbContextFactory<AvaDbContext> contexts,
    PermissionGuard guard,
    AuditTrail trail,
    CommandPolicy policy,
    WorkflowLauncher launcher,
    RunningCommands running,
    CommandActivity activity,
    CapabilityGuard capabilities,
    TimeProvider clock)
{
    public static string Resource(long id) => $"execution/{id}";

    /// <summary>The definitions the caller may run: all of them with execute_commands, none otherwise.</summary>
    public async Task<IReadOnlyList<CommandDefinition>> ListRunnableAsync()
    {
        var user = await guard.DemandAsync(Permissions.ViewExecutionQueue);
        return user.HasPermission(Permissions.ExecuteCommands) ? policy.Definitions : [];
    }

    /// <summary>
    /// Queues a run (or puts it before an approver) and returns its id. An unknown command or a value its
    /// argument refuses throws <see cref="InvalidValuesException"/> after the refusal is audited; nothing is queued.
    /// </summary>
    public async Task<long> SubmitAsync(CommandRequest request, CancellationToken cancellationToken = default)
    {
        var user = await guard.DemandAsync(Permissions.ExecuteCommands);
        await capabilities.DemandAsync(Capabilities.CommandExecution);
        var definition = policy.Find(request.Command);
        if (definition is null)
        {
            var reason = $"There is no command named '{request.Command}'; only the allow-listed commands can run.";
            await RefuseAsync($"command/{request.Command}", "submit", reason, request);
            throw new InvalidValuesException(new Dictionary<string, string[]> { ["command"] = [reason] });
        }

        var check = CommandPolicy.Check(definition, request.Arguments);
        if (!check.IsValid)
        {
            await RefuseAsync($"command/{definition.Name}", "submit", check.Reason, request);
            throw new InvalidValuesException(check.Errors);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var execution = new CommandExecution(definition.Name, request.Arguments.Select(a => a!).ToList(), definition.Decision,
            user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new DomainException("Runs are asked for by a signed-in person."), user.DisplayName(), clock.GetUtcNow());
        db.CommandExecutions.Add(execution);
        await db.SaveChangesAsync(cancellationToken);
        await trail.AppendAsync(db, new AuditEntry(CommandAuditActions.Submitted, Resource(execution.Id), true, Metadata: AuditTrail.Metadata(new
        {
            command = definition.Name,
            arguments = execution.Arguments,
            decision = definition.Decision.ToString(),
            status = execution.Status.ToString(),
        })), cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        if (execution.Status == CommandExecutionStatus.Queued)
        {
            await QueueAsync(execution.Id, user, cancellationToken);
        }

        activity.Publish(new CommandActivityEvent(CommandActivityKind.StatusChanged, execution.Id));
        return execution.Id;
    }

    /// <summary>
    /// Approves a run awaiting approval and queues it to run as its requester. Needs the approver capability;
    /// the requester can never approve their own run.
    /// </summary>
    public async Task ApproveAsync(long id, CancellationToken cancellationToken = default)
    {
        var (user, grant) = await guard.DemandApproverAsync();
        await capabilities.DemandAsync(Capabilities.CommandExecution);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var execution = await LoadAsync(db, id, cancellationToken);
        try
        {
            execution.Approve(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", user.DisplayName(), clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException refused)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            await RefuseAsync(Resource(id), "approve", refused.Message, null);
            throw;
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            throw await ChangedMeanwhileAsync(id, "approved", cancellationToken);
        }

        await trail.AppendAsync(db, new AuditEntry(CommandAuditActions.Approved, Resource(id), true, Metadata: AuditTrail.Metadata(new
        {
            command = execution.CommandName,
            requestedBy = execution.RequestedBy,
            grant = grant.Reason.ToString(),
        })), cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        await QueueAsync(id, RequesterOf(execution), cancellationToken);
        activity.Publish(new CommandActivityEvent(CommandActivityKind.StatusChanged, id));
    }

    /// <summary>
    /// Cancels a run: one that has not started ends at once; a running one has its process tree killed by the
    /// workflow running it (at once on this instance, within a moment on another).
    /// </summary>
    public async Task CancelAsync(long id, CancellationToken cancellationToken = default)
    {
        var user = await guard.DemandAsync(Permissions.ExecuteCommands);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var execution = await LoadAsync(db, id, cancellationToken);
        bool ended;
        try
        {
            ended = execution.RequestCancel(user.DisplayName(), clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (CommandExecutionStateException refused)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            await RefuseAsync(Resource(id), "cancel", refused.Message, null);
            throw;
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            throw await ChangedMeanwhileAsync(id, "cancelled", cancellationToken);
        }

        await trail.AppendAsync(db, new AuditEntry(CommandAuditActions.Cancelled, Resource(id), true, Metadata: AuditTrail.Metadata(new
        {
            command = execution.CommandName,
            whileRunning = !ended,
        })), cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        if (!ended)
        {
            running.Cancel(id);
        }

        activity.Publish(new CommandActivityEvent(CommandActivityKind.StatusChanged, id));
    }

    /// <summary>The job runs as the requester with their permissions when it starts; it is recorded on the run.</summary>
    private async Task QueueAsync(long id, ClaimsPrincipal requester, CancellationToken cancellationToken)
    {
        var jobId = launcher.Enqueue<RunCommandJob>(requester, job => job.RunAsync(id, null, CancellationToken.None));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.CommandExecutions.Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.JobId, jobId), cancellationToken);
    }

    /// <summary>The requester as the job launcher needs them: their id and name; the job resolves their current claims when it starts.</summary>
    private static ClaimsPrincipal RequesterOf(CommandExecution execution) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, execution.RequestedById), new Claim(ClaimTypes.Name, execution.RequestedBy)], "Requester"));

    private static async Task<CommandExecution> LoadAsync(AvaDbContext db, long id, CancellationToken cancellationToken) =>
        await db.CommandExecutions.SingleOrDefaultAsync(e => e.Id == id, cancellationToken)
        ?? throw new NotFoundException($"Run {id} does not exist.");

    private async Task<CommandExecutionStateException> ChangedMeanwhileAsync(long id, string action, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return new CommandExecutionStateException(await LoadAsync(db, id, cancellationToken), action);
    }

    private Task RefuseAsync(string resource, string stage, string reason, CommandRequest? request) =>
        trail.RecordAsync(new AuditEntry(CommandAuditActions.Refused, resource, Success: false, Error: reason, Metadata: AuditTrail.Metadata(new
        {
            stage,
            command = request?.Command,
            arguments = request?.Arguments.Select(a => a is null || a.Length <= 200 ? a : a[..200] + "…"),
        })));
}
