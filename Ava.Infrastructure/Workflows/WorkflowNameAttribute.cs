namespace Ava.Infrastructure.Workflows;

/// <summary>The workflow name recorded for runs of the job method or class it marks.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class WorkflowNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;

    /// <summary>
    /// False for a workflow that runs every minute or so: a succeeded run leaves no row (failures, retries and
    /// runs in progress do), so the history and the workflow metrics show the work people asked for.
    /// </summary>
    public bool KeepSucceededRuns { get; init; } = true;
}
