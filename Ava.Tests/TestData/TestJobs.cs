using Ava.Domain.Streams;
using Ava.Infrastructure.Streams;
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

/// <summary>A workflow job that creates a stream through the app's service, as whoever the job acts for.</summary>
[WorkflowName(Name)]
public sealed class CreatesStreamJob(StreamService streams)
{
    public const string Name = "test-creates-stream";

    public Task RunAsync(string title) =>
        streams.CreateAsync(new StreamValues(title, StreamSource.Automated, StreamStatus.Raw, StreamPriority.Normal, "", null, ["jobs"]));
}

/// <summary>A workflow job that asks for another workflow to run now, which needs execute_commands.</summary>
[WorkflowName(Name)]
public sealed class StartsArchiveJob(WorkflowLauncher launcher)
{
    public const string Name = "test-starts-archive";

    public Task RunAsync() => launcher.RunNowAsync(ArchiveOldStreamsJob.Name);
}
