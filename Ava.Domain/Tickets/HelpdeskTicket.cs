using Ava.Domain.Common;
using Ava.Domain.Recommendations;

namespace Ava.Domain.Tickets;

public enum TicketStatus
{
    Open = 0,
    InProgress = 1,
    Resolved = 2,
}

public enum TicketPriority
{
    Low = 0,
    Medium = 1,
    High = 2,
    Critical = 3,
}

/// <summary>A helpdesk ticket opened by escalating a recommendation; it moves Open → InProgress → Resolved.</summary>
public sealed class HelpdeskTicket : IVersioned, IEntity
{
    public const int SubjectMaxLength = 300;

    private HelpdeskTicket()
    {
    }

    public HelpdeskTicket(string number, EscalationUrgency urgency, string subject, string body, long recommendationId, string openedBy, DateTimeOffset at)
    {
        Number = number;
        Priority = PriorityFor(urgency);
        Subject = subject.Length > SubjectMaxLength ? subject[..(SubjectMaxLength - 1)] + "…" : subject;
        Body = body;
        RecommendationId = recommendationId;
        OpenedBy = openedBy;
        CreatedAt = at;
        UpdatedAt = at;
        UpdatedBy = openedBy;
    }

    public long Id { get; private set; }

    public string Number { get; private set; } = "";

    public TicketPriority Priority { get; private set; }

    public string Subject { get; private set; } = "";

    /// <summary>Markdown with the full context of the escalation.</summary>
    public string Body { get; private set; } = "";

    public TicketStatus Status { get; private set; }

    public long RecommendationId { get; private set; }

    public string OpenedBy { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public Guid Version { get; private set; } = Guid.NewGuid();

    public void NewVersion() => Version = Guid.NewGuid();

    public static TicketPriority PriorityFor(EscalationUrgency urgency) => urgency switch
    {
        EscalationUrgency.Low => TicketPriority.Low,
        EscalationUrgency.Medium => TicketPriority.Medium,
        EscalationUrgency.High => TicketPriority.High,
        EscalationUrgency.Critical => TicketPriority.Critical,
        _ => throw new DomainException($"Unknown urgency {urgency}."),
    };

    /// <summary><c>AI-ESC-YYYYMMDD-XXXXXXXX</c>: the creation date and 8 upper-case hex characters of a new UUID.</summary>
    public static string NewNumber(DateTimeOffset at, Guid uuid) =>
        $"AI-ESC-{at.UtcDateTime:yyyyMMdd}-{uuid.ToString("N")[..8].ToUpperInvariant()}";

    /// <summary>The next status in Open → InProgress → Resolved, or null when resolved.</summary>
    public TicketStatus? NextStatus => Status switch
    {
        TicketStatus.Open => TicketStatus.InProgress,
        TicketStatus.InProgress => TicketStatus.Resolved,
        _ => null,
    };

    public void MoveTo(TicketStatus status, string by, DateTimeOffset at)
    {
        if (status != NextStatus)
        {
            throw new DomainException(NextStatus is null
                ? $"{Number} is resolved; it does not change any more."
                : $"{Number} is {Name(Status)}; it can only move to {Name(NextStatus.Value)}.");
        }

        Status = status;
        UpdatedAt = at;
        UpdatedBy = by;
    }

    private static string Name(TicketStatus status) => status == TicketStatus.InProgress ? "In progress" : status.ToString();
}
