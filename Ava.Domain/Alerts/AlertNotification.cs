namespace Ava.Domain.Alerts;

public enum AlertEvent
{
    Raised = 0,
    Resolved = 1,
}

/// <summary>
/// One webhook message owed for an alert, written in the transaction that raised or resolved it (an outbox),
/// so nothing is sent for a change that rolled back and nothing is lost when the sender is down.
/// </summary>
public sealed class AlertNotification
{
    private AlertNotification()
    {
    }

    public AlertNotification(Alert alert, AlertEvent alertEvent, DateTimeOffset createdAt)
    {
        Alert = alert;
        Event = alertEvent;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }

    public long AlertId { get; private set; }

    public Alert? Alert { get; private set; }

    public AlertEvent Event { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When its delivery job was queued; null until the rule job hands it over.</summary>
    public DateTimeOffset? QueuedAt { get; private set; }

    /// <summary>When the receiver accepted it.</summary>
    public DateTimeOffset? SentAt { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    public void MarkQueued(DateTimeOffset at) => QueuedAt = at;

    public void RecordAttempt(DateTimeOffset at, string? error)
    {
        Attempts++;
        LastError = error is null ? null : error.Length <= 1000 ? error : error[..1000];
        if (error is null)
        {
            SentAt = at;
        }
    }
}
