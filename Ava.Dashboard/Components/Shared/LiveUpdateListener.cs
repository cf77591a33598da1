using Ava.Infrastructure.Common;

namespace Ava.Dashboard.Components.Shared;

/// <summary>
/// Lets a component re-read after a live update of one topic (see <see cref="LiveUpdates"/>). A burst of
/// events, such as a batch of submissions or a workflow's progress, yields one reload after a short quiet
/// period; the reload runs on the component's dispatcher. Dispose it with the component.
/// </summary>
public sealed class LiveUpdateListener<TEvent> : IDisposable
    where TEvent : notnull
{
    /// <summary>How long events are gathered before one reload.</summary>
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(250);

    private readonly IDisposable _subscription;
    private readonly Func<Func<Task>, Task> _dispatch;
    private readonly Func<Task> _reload;
    private readonly Func<TEvent, bool> _concerns;
    private readonly CancellationTokenSource _stopped = new();
    private readonly TimeSpan _delay;
    private int _scheduled;

    /// <param name="updates">The instance's live updates.</param>
    /// <param name="dispatch">The component's <c>InvokeAsync</c>.</param>
    /// <param name="reload">What to do after an update; it handles its own errors.</param>
    /// <param name="concerns">Which events matter to the component; all of them when null.</param>
    /// <param name="spread">
    /// For an update that every open page shows (the health tiles after each sampling): each listener waits a further
    /// delay of its own, drawn once between zero and this, so that thousands of pages do not all re-render at once.
    /// </param>
    public LiveUpdateListener(LiveUpdates updates, Func<Func<Task>, Task> dispatch, Func<Task> reload, Func<TEvent, bool>? concerns = null, TimeSpan spread = default)
    {
        _delay = QuietPeriod + (spread * Random.Shared.NextDouble());
        _dispatch = dispatch;
        _reload = reload;
        _concerns = concerns ?? (_ => true);
        _subscription = updates.Subscribe<TEvent>(OnUpdate);
    }

    public void Dispose()
    {
        _subscription.Dispose();
        _stopped.Cancel();
        _stopped.Dispose();
    }

    // Raised on the thread of whoever committed the change, possibly another user's circuit or a job: never block it.
    private void OnUpdate(TEvent update)
    {
        if (_concerns(update) && Interlocked.Exchange(ref _scheduled, 1) == 0)
        {
            _ = ReloadAfterQuietPeriodAsync();
        }
    }

    private async Task ReloadAfterQuietPeriodAsync()
    {
        try
        {
            await Task.Delay(_delay, _stopped.Token);

            // Events from here on schedule another reload, so none is missed while this one reads.
            Interlocked.Exchange(ref _scheduled, 0);
            await _dispatch(_reload);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            // The component went away (its circuit closed) before the reload.
        }
    }
}
