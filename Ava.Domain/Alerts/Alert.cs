using Ava.Domain.Common;

namespace Ava.Domain.Alerts;

public enum AlertSeverity
{
    Info = 0,
    Warning = 1,
    Critical = 2,
}

/// <summary>Something an administrator must look at, shown until acknowledged.</summary>
public sealed class Alert : IVersioned
{
    public const string SecurityViolationsKind = "security_violations";
    public const string WorkflowFailedKind = "workflow_failed";

    private Alert()
    {
    }

    public Alert(string kind, AlertSeverity severity, string subject, string message, DateTimeOffset raisedAt)
    {
        Kind = kind;
        Severity = severity;
        Subject = subject;
        Message = message;
        RaisedAt = raisedAt;
    }

    public long Id { get; private set; }

    public string Kind { get; private set; } = "";

    public AlertSeverity Severity { get; private set; }

    /// <summary>What the alert is about (for security violations: the user).</summary>
    public string Subject { get; private set; } = "";

    public string Message { get; private set; } = "";

    public DateTimeOffset RaisedAt { get; private set; }

    public DateTimeOffset? AcknowledgedAt { get; private set; }

    public string? AcknowledgedBy { get; private set; }

    public bool IsAcknowledged => AcknowledgedAt is not null;

    public Guid Version { get; private set; } = Guid.NewGuid();

    public void NewVersion() => Version = Guid.NewGuid();

    public void Acknowledge(string by, DateTimeOffset at)
    {
        if (IsAcknowledged)
        {
            throw new DomainException($"This alert was already acknowledged by {AcknowledgedBy}.");
        }

        AcknowledgedBy = by;
        AcknowledgedAt = at;
    }
}
