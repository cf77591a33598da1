using System.Security.Claims;
using Ava.Domain.Audit;
using Ava.Domain.Commands;
using Ava.Domain.Security;
using Ava.Infrastructure.Audit;
using Ava.Infrastructure.Commands.Sandbox;
using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Ava.Infrastructure.Commands;

/// <summary>
/// Runs one queued execution for the run-command workflow, as the person who asked (specification §5, §8). Safe to
/// call again for the same run: a run that ended is left alone, and a run found Running was interrupted
/// (the dashboard stopped mid-run) and is marked failed, never started a second time. The run is claimed
/// (Queued → Running) before its process starts, so a crash can never lead to a second process.
/// </summary>
public sealed class CommandRunner(
    IDbContextFactory<AvaDbContext> contexts,
    PermissionGuard guard,
    IUserContext callers,
    AuditTrail trail,
    CommandPolicy policy,
    SandboxHost host,
    CommandSandbox sandbox,
    RunningCommands running,
    CommandActivity activity,
    TimeProvider clock,
    ILogger<CommandRunner> logger)
{
    /// <summary>How often a running command's output is stored for live viewers, and a cancellation looked for.</summary>
    public static readonly TimeSpan FollowInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>How much of each stream live viewers see while the command runs; everything kept is stored when it ends.</summary>
    public const int LiveTailBytes = 64 * 1024;

    public async Task RunAsync(long executionId, CancellationToken stopping)
    {
        CommandExecution? execution;
        await using (var db = await contexts.CreateDbContextAsync(stopping))
        {
            execution = await db.CommandExecutions.AsNoTracking().SingleOrDefaultAsync(e => e.Id == executionId, stopping);
        }

        if (execution is null || execution.Status != CommandExecutionStatus.Queued)
        {
            if (execution?.Status == CommandExecutionStatus.Running)
            {
                await EndAsync(executionId, e => e.Interrupt(clock.GetUtcNow()), e => Ended(e, interrupted: true));
            }

            logger.LogInformation("Run {ExecutionId} is {Status}; the run-command workflow has nothing to start", executionId, execution?.Status.ToString() ?? "gone");
            return;
        }

        if (await RefusalAsync(execution) is { } refusal)
        {
            await RefuseAsync(executionId, refusal);
            return;
        }

        var definition = policy.Find(execution.CommandName)!;
        SandboxLaunch launch;
        try
        {
            launch = await host.PlanAsync(definition, definition.ArgumentListFor(execution.Arguments));
        }
        catch (InvalidOperationException noSandbox)
        {
            // Commands:Isolation asks for namespaces this machine does not allow: nothing runs unconfined.
            await RefuseAsync(executionId, noSandbox.Message);
            return;
        }

        if (!await ClaimAsync(executionId, launch))
        {
            return;
        }

        var stdout = new OutputCapture(definition.OutputLimitBytes);
        var stderr = new OutputCapture(definition.OutputLimitBytes);
        SandboxResult result;
        using (var registration = running.Register(executionId))
        using (var stop = CancellationTokenSource.CreateLinkedTokenSource(registration.Token, stopping))
        {
            var run = sandbox.RunAsync(launch, definition, stdout, stderr, stop.Token);
            await FollowAsync(run, executionId, stdout, stderr, registration);
            try
            {
                result = await run;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Run {ExecutionId} of {Command} failed in the sandbox", executionId, definition.Name);
                result = new SandboxResult(SandboxOutcome.NotStarted, null, TimeSpan.Zero, $"The sandbox failed: {ex.Message}");
            }
        }

        var stoppedByHost = result.Outcome == SandboxOutcome.Cancelled && stopping.IsCancellationRequested;
        await EndAsync(executionId, e =>
        {
            e.RecordOutput(stdout.Text(), stderr.Text(), stdout.TotalBytes, stderr.TotalBytes);
            var (status, message) = CommandOutcomes.Describe(result, definition, stoppedByHost ? null : e.CancelRequestedBy, stoppedByHost);
            e.Finish(status, result.ExitCode, message, clock.GetUtcNow());
        }, e => Ended(e, interrupted: false));
    }

    /// <summary>Why the run may not start now, or null: the caller must be its requester and still hold execute_commands; the command and its values must still pass.</summary>
    private async Task<string?> RefusalAsync(CommandExecution execution)
    {
        var caller = await callers.GetUserAsync();
        if (caller.FindFirstValue(ClaimTypes.NameIdentifier) != execution.RequestedById)
        {
            return $"This run was asked for by {execution.RequestedBy}, but the workflow acts for {caller.DisplayName()}; it did not start.";
        }

        try
        {
            await guard.DemandAsync(Permissions.ExecuteCommands);
        }
        catch (PermissionDeniedException)
        {
            return $"{execution.RequestedBy} no longer holds {Permissions.ExecuteCommands}; the command did not run.";
        }

        if (policy.Find(execution.CommandName) is not { } definition)
        {
            return $"'{execution.CommandName}' is no longer an allow-listed command; it did not run.";
        }

        var check = CommandPolicy.Check(definition, execution.Arguments);
        return check.IsValid ? null : $"Its values no longer pass the definition of {definition.Name}: {check.Reason}";
    }

    private Task RefuseAsync(long executionId, string reason) =>
        EndAsync(executionId, e => e.FailBeforeStart(reason, clock.GetUtcNow()), e => new AuditEntry(
            CommandAuditActions.Refused, CommandQueueService.Resource(executionId), Success: false, Error: reason,
            Metadata: AuditTrail.Metadata(new { stage = "start", command = e.CommandName })));

    /// <summary>Queued → Running with the start audited, in one transaction; false when a cancellation won the race.</summary>
    private async Task<bool> ClaimAsync(long executionId, SandboxLaunch launch)
    {
        await using var db = await contexts.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var execution = await db.CommandExecutions.SingleAsync(e => e.Id == executionId);
        if (execution.Status != CommandExecutionStatus.Queued)
        {
            return false;
        }

        try
        {
            execution.Start(launch.Description, clock.GetUtcNow());
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Run {ExecutionId} changed as it was starting (cancelled); it does not start", executionId);
            return false;
        }

        await trail.AppendAsync(db, new AuditEntry(CommandAuditActions.Started, CommandQueueService.Resource(executionId), true, Metadata: AuditTrail.Metadata(new
        {
            command = execution.CommandName,
            arguments = execution.Arguments,
            sandbox = launch.Description,
        })));
        await transaction.CommitAsync();
        activity.Publish(new CommandActivityEvent(CommandActivityKind.StatusChanged, executionId));
        return true;
    }

    /// <summary>
    /// While the process runs: stores the end of the new output for live viewers (<see cref="LiveTailBytes"/>, so
    /// the cost does not grow with the cap), and stops the process when a cancellation was stored (by any instance).
    /// </summary>
    private async Task FollowAsync(Task run, long executionId, OutputCapture stdout, OutputCapture stderr, RunningCommands.Registration registration)
    {
        var stored = (Out: -1, Err: -1);
        while (await Task.WhenAny(run, Task.Delay(FollowInterval)) != run)
        {
            try
            {
                await using var db = await contexts.CreateDbContextAsync();
                if ((stdout.Revision, stderr.Revision) != stored)
                {
                    stored = (stdout.Revision, stderr.Revision);
                    string outText = stdout.Tail(LiveTailBytes), errText = stderr.Tail(LiveTailBytes);
                    long outBytes = stdout.TotalBytes, errBytes = stderr.TotalBytes;
                    await db.CommandExecutions.Where(e => e.Id == executionId && e.Status == CommandExecutionStatus.Running).ExecuteUpdateAsync(s => s
                        .SetProperty(e => e.StdOut, outText).SetProperty(e => e.StdErr, errText)
                        .SetProperty(e => e.StdOutBytes, outBytes).SetProperty(e => e.StdErrBytes, errBytes));
                    activity.Publish(new CommandActivityEvent(CommandActivityKind.OutputChanged, executionId));
                }

                if (await db.CommandExecutions.AnyAsync(e => e.Id == executionId && e.CancelRequestedAt != null))
                {
                    registration.Cancel();
                }
            }
            catch (Exception ex)
            {
                // Live output is a courtesy: whatever fails here (a locked database included), the process goes on
                // under its timeout, and the end stores everything.
                logger.LogWarning(ex, "Storing the live output of run {ExecutionId} failed", executionId);
            }
        }
    }

    /// <summary>
    /// Applies the run's end and its audit event in one transaction; retried when a cancellation request was
    /// stored meanwhile. When someone else ended the run first, there is nothing to do.
    /// </summary>
    private async Task EndAsync(long executionId, Action<CommandExecution> end, Func<CommandExecution, AuditEntry> describe)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var execution = await db.CommandExecutions.SingleAsync(e => e.Id == executionId);
            try
            {
                end(execution);
                await db.SaveChangesAsync();
            }
            catch (CommandExecutionStateException ended)
            {
                logger.LogInformation("Run {ExecutionId} ended elsewhere first: {Reason}", executionId, ended.Message);
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
                continue;
            }

            await trail.AppendAsync(db, describe(execution));
            await transaction.CommitAsync();
            activity.Publish(new CommandActivityEvent(CommandActivityKind.StatusChanged, executionId));
            return;
        }
    }

    private static AuditEntry Ended(CommandExecution execution, bool interrupted) => new(
        CommandAuditActions.Ended,
        CommandQueueService.Resource(execution.Id),
        execution.Status == CommandExecutionStatus.Succeeded,
        Error: execution.Status == CommandExecutionStatus.Succeeded ? null : execution.Message,
        Metadata: AuditTrail.Metadata(new
        {
            command = execution.CommandName,
            status = execution.Status.ToString(),
            exitCode = execution.ExitCode,
            durationMs = (long?)execution.Duration?.TotalMilliseconds,
            stdOutBytes = execution.StdOutBytes,
            stdErrBytes = execution.StdErrBytes,
            interrupted,
        }));
}
