using Ava.Domain.Audit;

namespace Ava.Domain.Workflows;

[AuditActionSet("Workflows")]
public static class WorkflowAuditActions
{
    /// <summary>A person started a workflow by hand.</summary>
    public const string RunRequested = "workflow.run_requested";

    /// <summary>A run failed after its last retry.</summary>
    public const string Failed = "workflow.failed";

    /// <summary>A run did not start because the person it acts for is locked out or no longer exists.</summary>
    public const string CallerRefused = "workflow.caller_refused";

    /// <summary>An administrator cancelled a run (for example one running for hours).</summary>
    public const string Cancelled = "workflow.cancelled";

    /// <summary>An administrator queued a run again, as a new run linked to it.</summary>
    public const string Requeued = "workflow.requeued";
}
