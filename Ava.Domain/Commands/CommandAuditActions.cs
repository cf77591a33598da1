using Ava.Domain.Audit;

namespace Ava.Domain.Commands;

/// <summary>The execution queue: every submission, refusal, approval, start, end and cancellation.</summary>
[AuditActionSet("Commands")]
public static class CommandAuditActions
{
    /// <summary>A run was queued, or put before an approver.</summary>
    public const string Submitted = "command.submitted";

    /// <summary>A submission, an approval, a cancellation or a due start was refused; the event's error says why.</summary>
    public const string Refused = "command.refused";

    /// <summary>A second person approved a run that needed approval.</summary>
    public const string Approved = "command.approved";

    /// <summary>The run-command workflow started the process.</summary>
    public const string Started = "command.started";

    /// <summary>The run ended: succeeded, failed, timed out, cancelled or interrupted (the metadata says which).</summary>
    public const string Ended = "command.ended";

    /// <summary>Someone cancelled a run: before it started, or while it ran (its process tree is then killed).</summary>
    public const string Cancelled = "command.cancelled";
}
