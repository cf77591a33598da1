using System.Collections.Concurrent;

namespace Ava.Infrastructure.Commands;

/// <summary>
/// The runs whose process this instance is running, so a cancellation asked for here stops the process at
/// once. A cancellation asked for on another instance reaches the run through the database instead
/// (<see cref="CommandRunner"/> looks for it while the process runs).
/// </summary>
public sealed class RunningCommands
{
    private readonly ConcurrentDictionary<long, CancellationTokenSource> _running = new();

    /// <summary>Registers a run this instance is starting; dispose the registration when it ends.</summary>
    internal Registration Register(long executionId)
    {
        var source = new CancellationTokenSource();
        _running[executionId] = source;
        return new Registration(this, executionId, source);
    }

    /// <returns>Whether the run's process was running here.</returns>
    internal bool Cancel(long executionId)
    {
        if (!_running.TryGetValue(executionId, out var source))
        {
            return false;
        }

        try
        {
            source.Cancel();
            return true;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }

    internal sealed class Registration(RunningCommands owner, long executionId, CancellationTokenSource source) : IDisposable
    {
        public CancellationToken Token => source.Token;

        public void Cancel() => source.Cancel();

        public void Dispose()
        {
            owner._running.TryRemove(new KeyValuePair<long, CancellationTokenSource>(executionId, source));
            source.Dispose();
        }
    }
}
