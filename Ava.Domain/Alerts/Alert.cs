using Ava.Domain.Common;

namespace Ava.Domain.Alerts;

public enum AlertSeverity
{
    Info = 0,
    Warning = 1,
    Critical = 2,
}

/// <summary>
/// Something an administrator must look at: a rule (<see cref="Kind"/>) that holds for a <see cref="Subject"/>.
/// While it is active (not resolved) every new observation of the same rule and subject is counted on it
/// instead of raising another; it can be acknowledged with a note, and it is resolved when the condition
/// clears. A resolved alert is history: the next time the condition holds, a new alert is raised.
/// </summary>
public sealed class Alert : IVersioned
{
    public const int KindMaxLength = 50;
    public const int SubjectMaxLength = 256;
    public const int MessageMaxLength = 1000;
    public const int NoteMaxLength = 1000;

    /// <summary>One user was refused repeatedly (the subject is the user).</summary>
    public const string SecurityViolationsKind = "security_violations";

    /// <summary>A workflow failed after its last retry (the subject is the workflow).</summary>
    public const string WorkflowFailedKind = "workflow_failed";

    /// <summary>The share of requests answered 5xx in the last hour is over the threshold (the subject is "requests").</summary>
    public const string ErrorRateKind = "error_rate";

    /// <summary>A workflow run has been running for longer than the threshold (the subject is <c>run/{id}</c>).</summary>
    public const string WorkflowRunningLongKind = "workflow_running_long";

    /// <summary>Several changesets failed to apply within the window (the subject is "changesets").</summary>
    public const string ChangeSetsFailedKind = "changesets_failed";

    /// <summary>A health check has been degraded or unhealthy for longer than the grace period (the subject is the check).</summary>
    public const string HealthDegradedKind = "health_degraded";

    private Alert()
    {
    }

    public Alert(string kind, AlertSeverity severity, string subject, string message, DateTimeOffset raisedAt)
    {
        Kind = kind;
        Severity = severity;
        Subject = Truncate(subject, SubjectMaxLength);
        Message = Truncate(message, MessageMaxLength);
        RaisedAt = raisedAt;
        _lastSeenAt = raisedAt;
        _count = 1;
    }

    public long Id { get; private set; }

    /// <summary>The rule that raised it.</summary>
    public string Kind { get; private set; } = "";

    public AlertSeverity Severity { get; private set; }

    /// <summary>What the alert is about (for security violations: the user).</summary>
    public string Subject { get; private set; } = "";

    /// <summary>What was seen last.</summary>
    public string Message { get; private set; } = "";

    /// <summary>When the condition was first seen.</summary>
    public DateTimeOffset RaisedAt { get; private set; }

    // Alerts raised before these were recorded have neither: they were seen once, when raised.
    private DateTimeOffset? _lastSeenAt;
    private int _count;

    /// <summary>When the condition was last seen.</summary>
    public DateTimeOffset LastSeenAt => _lastSeenAt ?? RaisedAt;

    /// <summary>How many times the condition was seen while the alert was active (events, or rule evaluations that found it).</summary>
    public int Count => Math.Max(_count, 1);

    public DateTimeOffset? AcknowledgedAt { get; private set; }

    public string? AcknowledgedBy { get; private set; }

    public string? AcknowledgeNote { get; private set; }

    /// <summary>When the condition cleared; null while the alert is active.</summary>
    public DateTimeOffset? ResolvedAt { get; private set; }

    /// <summary>Why it was resolved.</summary>
    public string? Resolution { get; private set; }

    public bool IsAcknowledged => AcknowledgedAt is not null;

    public bool IsResolved => ResolvedAt is not null;

    public Guid Version { get; private set; } = Guid.NewGuid();

    public void NewVersion() => Version = Guid.NewGuid();

    /// <summary>The condition was seen again while the alert is active: counted, with what was seen and how bad it is now.</summary>
    public void SeenAgain(DateTimeOffset at, AlertSeverity severity, string message)
    {
        if (IsResolved)
        {
            throw new DomainException("A resolved alert is history; the condition raises a new one.");
        }

        _lastSeenAt = at;
        _count = Count + 1;
        Severity = severity;
        Message = Truncate(message, MessageMaxLength);
    }

    public void Acknowledge(string by, DateTimeOffset at, string? note = null)
    {
        if (IsAcknowledged)
        {
            throw new DomainException($"This alert was already acknowledged by {AcknowledgedBy}.");
        }

        if (note?.Trim().Length > NoteMaxLength)
        {
            throw new DomainException($"The note may be at most {NoteMaxLength} characters long.");
        }

        AcknowledgedBy = by;
        AcknowledgedAt = at;
        AcknowledgeNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    /// <summary>The condition cleared: the alert closes, acknowledged or not.</summary>
    public void Resolve(DateTimeOffset at, string resolution)
    {
        if (IsResolved)
        {
            throw new DomainException("This alert is resolved already.");
        }

        ResolvedAt = at;
        Resolution = Truncate(resolution, MessageMaxLength);
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
