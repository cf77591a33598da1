using Microsoft.Extensions.Logging;

namespace Ava.Infrastructure.Commands;

public enum CommandActivityKind
{
    /// <summary>A run was submitted, approved, started, cancelled or ended.</summary>
    StatusChanged,

    /// <summary>A running command's captured output grew.</summary>
    OutputChanged,
}

public sealed record CommandActivityEvent(CommandActivityKind Kind, long ExecutionId);

/// <summary>
/// Tells the open execution pages of this instance that a run changed, after the change is stored. Pages
/// re-read from the database; the event carries the run's id only. (Pages on other instances catch up by
/// polling while a run is unfinished.)
/// </summary>
public sealed class CommandActivity(ILogger<CommandActivity> logger)
{
    public event Action<CommandActivityEvent>? Changed;

    /// <summary>Notifies every listener; a failing listener is logged and never fails the run.</summary>
    public void Publish(CommandActivityEvent activity)
    {
        foreach (var listener in Changed?.GetInvocationList().Cast<Action<CommandActivityEvent>>() ?? [])
        {
            try
            {
                listener(activity);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "A listener failed on command activity {Kind} for run {ExecutionId}", activity.Kind, activity.ExecutionId);
            }
        }
    }
}
