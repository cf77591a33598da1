using System.Collections.Immutable;
using Microsoft.Extensions.Logging;

namespace Ava.Infrastructure.Common;

/// <summary>
/// The one way open pages of this instance hear that something changed, after the change committed.
/// A topic is an event type (<c>ApprovalActivityEvent</c>, <c>WorkflowRunChanged</c>, …): services
/// publish small records that carry ids, and listeners re-read what they show from the database.
/// Events stay in this process; other instances show the change on their next read (ADR 6).
/// </summary>
public sealed class LiveUpdates(ILogger<LiveUpdates> logger)
{
    private ImmutableDictionary<Type, ImmutableList<Delegate>> _listeners = ImmutableDictionary<Type, ImmutableList<Delegate>>.Empty;

    /// <summary>Calls <paramref name="listener"/> for every <typeparamref name="TEvent"/> published until the result is disposed.</summary>
    public IDisposable Subscribe<TEvent>(Action<TEvent> listener)
        where TEvent : notnull
    {
        ImmutableInterlocked.AddOrUpdate(ref _listeners, typeof(TEvent), _ => [listener], (_, list) => list.Add(listener));
        return new Subscription(() => ImmutableInterlocked.AddOrUpdate(ref _listeners, typeof(TEvent), _ => [], (_, list) => list.Remove(listener)));
    }

    /// <summary>Notifies every listener of the topic; a failing listener is logged and never fails the change that already committed.</summary>
    public void Publish<TEvent>(TEvent update)
        where TEvent : notnull
    {
        if (!_listeners.TryGetValue(typeof(TEvent), out var listeners))
        {
            return;
        }

        foreach (var listener in listeners.Cast<Action<TEvent>>())
        {
            try
            {
                listener(update);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "A listener failed on live update {Update}", update);
            }
        }
    }

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                unsubscribe();
            }
        }
    }
}
