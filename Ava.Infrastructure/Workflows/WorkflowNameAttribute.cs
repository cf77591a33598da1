namespace Ava.Infrastructure.Workflows;

/// <summary>The workflow name recorded for runs of the job method or class it marks.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class WorkflowNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
