namespace Ava.Infrastructure.Health;

/// <summary>
/// One computation of the health tiles, shared by every open page. When the sampling workflow records new samples,
/// every page showing the tiles reloads them at the same moment; computed once per sampling instead of once per
/// page, the reload of a thousand open home pages costs the server one query, and they all hold the same tiles.
/// An entry lives until this instance samples again or for <see cref="MaxAge"/>, so a sampling by another
/// instance shows within that time. Tiles with and without details (view_logs) are kept apart.
/// </summary>
public sealed class HealthTilesCache(TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(20);

    private readonly Lock _gate = new();
    private readonly Dictionary<bool, (DateTimeOffset At, Task<HealthOverview> Overview)> _entries = [];

    /// <param name="build">Computes the tiles; called at most once per entry, whoever asks first, without their cancellation.</param>
    public Task<HealthOverview> GetAsync(bool details, Func<Task<HealthOverview>> build)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (_entries.TryGetValue(details, out var entry) && now - entry.At < MaxAge && !entry.Overview.IsFaulted && !entry.Overview.IsCanceled)
            {
                return entry.Overview;
            }

            // Run apart from the caller's synchronization context: a circuit that asks first must not carry, on its own
            // dispatcher, a computation every other page waits for.
            var overview = Task.Run(build);
            _entries[details] = (now, overview);
            return overview;
        }
    }

    /// <summary>New samples were recorded: the next page to ask computes the tiles afresh.</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }
}
