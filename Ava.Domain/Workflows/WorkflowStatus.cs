namespace Ava.Domain.Workflows;

public enum WorkflowStatus
{
    Pending = 0,
    Running = 1,
    Succeeded = 2,
    Failed = 3,
    Retrying = 4,
    /// <summary>The process stopped while the run was Running; the run was queued again.</summary>
    Interrupted = 5,

    /// <summary>An administrator stopped the run (its job was deleted); it is not retried.</summary>
    Cancelled = 6,
}
