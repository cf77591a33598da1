using Ava.Infrastructure.Commands;
using Hangfire.Server;

namespace Ava.Infrastructure.Workflows;

/// <summary>
/// run-command: runs one queued execution in the sandbox, acting as the person who asked for it, with the
/// permissions they hold when it starts (queued through <see cref="WorkflowLauncher"/>). Takes the run's id.
/// Re-running it is safe: an ended run is left alone, and a run found Running (the dashboard stopped
/// mid-run, and the run was queued again after the restart) is recorded as failed, never run twice.
/// The command's own outcome is the run's status; the workflow run fails (and retries) only when the
/// workflow itself could not do its work before the process started.
/// </summary>
[WorkflowName(Name)]
public sealed class RunCommandJob(CommandRunner runner)
{
    public const string Name = "run-command";

    /// <summary>Hangfire passes its context and the server's stopping token; a stop kills the command's process tree.</summary>
    public Task RunAsync(long executionId, PerformContext? context, CancellationToken cancellationToken) =>
        runner.RunAsync(executionId, cancellationToken);
}
