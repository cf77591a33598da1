namespace Ava.Domain.Commands;

/// <summary>Where a run of an allow-listed command stands (specification §3 CommandExecution, issue #12).</summary>
public enum CommandExecutionStatus
{
    /// <summary>Waiting for the run-command workflow to start it.</summary>
    Queued = 0,

    /// <summary>The command's decision is "approval": a second person with the approver capability must approve it first.</summary>
    AwaitingApproval = 1,

    Running = 2,

    /// <summary>The process exited with code 0.</summary>
    Succeeded = 3,

    /// <summary>A non-zero exit, a signal, a refusal when the run was due to start, or a run the dashboard's stop interrupted.</summary>
    Failed = 4,

    /// <summary>The process tree was killed when the command's timeout passed.</summary>
    TimedOut = 5,

    /// <summary>Cancelled before it started, or its process tree killed on request.</summary>
    Cancelled = 6,
}

/// <summary>What a definition requires before a run starts.</summary>
public enum CommandDecision
{
    /// <summary>A person with execute_commands may run it at once.</summary>
    Allow = 0,

    /// <summary>Someone other than the requester, holding the approver capability, must approve each run.</summary>
    Approval = 1,
}

public static class CommandExecutionStatuses
{
    /// <summary>The statuses of runs that have not ended: the queue.</summary>
    public static IReadOnlyList<CommandExecutionStatus> Active { get; } =
        [CommandExecutionStatus.AwaitingApproval, CommandExecutionStatus.Queued, CommandExecutionStatus.Running];

    /// <summary>The statuses of runs that have ended: the history.</summary>
    public static IReadOnlyList<CommandExecutionStatus> Finished { get; } =
        [CommandExecutionStatus.Succeeded, CommandExecutionStatus.Failed, CommandExecutionStatus.TimedOut, CommandExecutionStatus.Cancelled];

    public static bool IsFinished(this CommandExecutionStatus status) => Finished.Contains(status);
}
