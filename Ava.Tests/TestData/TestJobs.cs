using Ava.Infrastructure.Workflows;

namespace Ava.Tests.TestData;

/// <summary>A workflow job that fails every attempt, the way a job fails on a real error: its task faults.</summary>
[WorkflowName(Name)]
public sealed class AlwaysFailingJob
{
    public const string Name = "test-always-failing";
    public const string Message = "The test job failed on purpose.";

    public async Task RunAsync()
    {
        await Task.Yield();
        throw new InvalidOperationException(Message);
    }
}

/// <summary>A workflow job that does nothing and succeeds.</summary>
[WorkflowName(Name)]
public sealed class SucceedingJob
{
    public const string Name = "test-succeeding";

    public Task RunAsync() => Task.CompletedTask;
}
