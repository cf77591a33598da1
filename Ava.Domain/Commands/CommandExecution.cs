using Ava.Domain.Common;

namespace Ava.Domain.Commands;

/// <summary>
/// One run of an allow-listed command: who asked, with which arguments, who approved it when its
/// definition needs approval, and how it ended (exit code, capped output, duration). The run-command
/// workflow moves it from Queued to Running to an end; nothing moves it back.
/// </summary>
public sealed class CommandExecution : IVersioned
{
    public const int NameMaxLength = 64;
    public const int MessageMaxLength = 2000;

    private CommandExecution()
    {
    }

    public CommandExecution(
        string commandName, IReadOnlyList<string> arguments, CommandDecision decision, string requestedById, string requestedBy, DateTimeOffset at)
    {
        CommandName = commandName;
        Arguments = arguments.ToList();
        Decision = decision;
        RequestedById = requestedById;
        RequestedBy = requestedBy;
        RequestedAt = at;
        Status = decision == CommandDecision.Approval ? CommandExecutionStatus.AwaitingApproval : CommandExecutionStatus.Queued;
    }

    public long Id { get; private set; }

    public string CommandName { get; private set; } = "";

    /// <summary>The values the requester gave, one per argument the definition leaves open, in order.</summary>
    public IReadOnlyList<string> Arguments { get; private set; } = [];

    public CommandDecision Decision { get; private set; }

    public CommandExecutionStatus Status { get; private set; }

    public string RequestedById { get; private set; } = "";

    public string RequestedBy { get; private set; } = "";

    public DateTimeOffset RequestedAt { get; private set; }

    public string? ApprovedById { get; private set; }

    public string? ApprovedBy { get; private set; }

    public DateTimeOffset? ApprovedAt { get; private set; }

    /// <summary>The background job that runs it, once queued.</summary>
    public string? JobId { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public TimeSpan? Duration => StartedAt is { } start && EndedAt is { } end ? end - start : null;

    public int? ExitCode { get; private set; }

    /// <summary>Standard output as kept: at most the definition's cap, then a marker saying how much was cut.</summary>
    public string StdOut { get; private set; } = "";

    public string StdErr { get; private set; } = "";

    /// <summary>How many bytes the process wrote to standard output, kept or not.</summary>
    public long StdOutBytes { get; private set; }

    public long StdErrBytes { get; private set; }

    /// <summary>How the process was confined: the isolation and the limits that applied.</summary>
    public string? Sandbox { get; private set; }

    /// <summary>Why it ended the way it did, in words: a timeout, a signal, a refusal, an interruption.</summary>
    public string? Message { get; private set; }

    public string? CancelRequestedBy { get; private set; }

    public DateTimeOffset? CancelRequestedAt { get; private set; }

    public Guid Version { get; private set; } = Guid.NewGuid();

    public void NewVersion() => Version = Guid.NewGuid();

    /// <summary>
    /// A second person approves the run; it is queued. The requester can never approve their own run,
    /// whatever their capabilities.
    /// </summary>
    public void Approve(string approverId, string approver, DateTimeOffset at)
    {
        if (Status != CommandExecutionStatus.AwaitingApproval)
        {
            throw new CommandExecutionStateException(this, "approved");
        }

        if (string.Equals(approverId, RequestedById, StringComparison.Ordinal))
        {
            throw new DomainException($"{approver} asked for this run; someone else with the approver capability must approve it.");
        }

        ApprovedById = approverId;
        ApprovedBy = approver;
        ApprovedAt = at;
        Status = CommandExecutionStatus.Queued;
    }

    public void AttachJob(string jobId) => JobId = jobId;

    public void Start(string sandbox, DateTimeOffset at)
    {
        if (Status != CommandExecutionStatus.Queued)
        {
            throw new CommandExecutionStateException(this, "started");
        }

        Status = CommandExecutionStatus.Running;
        Sandbox = sandbox;
        StartedAt = at;
    }

    /// <summary>The output captured so far (while it runs) or in the end.</summary>
    public void RecordOutput(string stdOut, string stdErr, long stdOutBytes, long stdErrBytes)
    {
        StdOut = stdOut;
        StdErr = stdErr;
        StdOutBytes = stdOutBytes;
        StdErrBytes = stdErrBytes;
    }

    /// <summary>The process ended (or was killed); <paramref name="status"/> is how the run ends.</summary>
    public void Finish(CommandExecutionStatus status, int? exitCode, string? message, DateTimeOffset at)
    {
        if (Status != CommandExecutionStatus.Running || !status.IsFinished())
        {
            throw new CommandExecutionStateException(this, $"marked {status}");
        }

        Status = status;
        ExitCode = exitCode;
        Message = Truncate(message);
        EndedAt = at;
    }

    /// <summary>A queued run that may not start after all (the definition is gone, the requester lost the permission).</summary>
    public void FailBeforeStart(string reason, DateTimeOffset at)
    {
        if (Status is not (CommandExecutionStatus.Queued or CommandExecutionStatus.AwaitingApproval))
        {
            throw new CommandExecutionStateException(this, "refused");
        }

        Status = CommandExecutionStatus.Failed;
        Message = Truncate(reason);
        EndedAt = at;
    }

    /// <summary>
    /// The run was Running when the process that ran it stopped (a crash or a restart). Its command may or
    /// may not have finished; it is recorded as failed and never started a second time.
    /// </summary>
    public void Interrupt(DateTimeOffset at)
    {
        if (Status != CommandExecutionStatus.Running)
        {
            throw new CommandExecutionStateException(this, "interrupted");
        }

        Status = CommandExecutionStatus.Failed;
        Message = "The dashboard stopped while this command was running; whether it finished is unknown, and it was not run again.";
        EndedAt = at;
    }

    /// <summary>
    /// Cancels the run. One that has not started ends at once (true); a running one is marked for
    /// cancellation and the workflow kills its process tree (false).
    /// </summary>
    public bool RequestCancel(string by, DateTimeOffset at)
    {
        if (Status.IsFinished())
        {
            throw new CommandExecutionStateException(this, "cancelled");
        }

        CancelRequestedBy = by;
        CancelRequestedAt = at;
        if (Status == CommandExecutionStatus.Running)
        {
            return false;
        }

        Status = CommandExecutionStatus.Cancelled;
        Message = $"Cancelled by {by} before it started.";
        EndedAt = at;
        return true;
    }

    private static string? Truncate(string? value) =>
        value is null || value.Length <= MessageMaxLength ? value : value[..(MessageMaxLength - 1)] + "…";
}

/// <summary>The run is not in a state that allows the action (for example cancelling a run that ended).</summary>
public sealed class CommandExecutionStateException(CommandExecution execution, string action)
    : DomainException($"Run {execution.Id} cannot be {action}: it is {Describe(execution.Status)}.")
{
    public CommandExecutionStatus Status { get; } = execution.Status;

    private static string Describe(CommandExecutionStatus status) => status switch
    {
        CommandExecutionStatus.AwaitingApproval => "awaiting approval",
        CommandExecutionStatus.TimedOut => "timed out",
        _ => status.ToString().ToLowerInvariant(),
    };
}
