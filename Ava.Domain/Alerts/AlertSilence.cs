using Ava.Domain.Common;

namespace Ava.Domain.Alerts;

/// <summary>
/// A rule and subject kept quiet until a time: while it lasts the rule raises no alert for the subject, an
/// active one is neither listed as open nor sent to the webhook, and its count still grows.
/// </summary>
public sealed class AlertSilence
{
    /// <summary>The longest a silence may last.</summary>
    public static readonly TimeSpan MaxLength = TimeSpan.FromDays(30);

    private AlertSilence()
    {
    }

    public AlertSilence(string kind, string subject, DateTimeOffset until, string? note, string createdBy, DateTimeOffset createdAt)
    {
        if (until <= createdAt)
        {
            throw new DomainException("A silence must end in the future.");
        }

        if (until - createdAt > MaxLength)
        {
            throw new DomainException($"A silence may last at most {MaxLength.TotalDays:0} days.");
        }

        if (note?.Trim().Length > Alert.NoteMaxLength)
        {
            throw new DomainException($"The note may be at most {Alert.NoteMaxLength} characters long.");
        }

        Kind = kind;
        Subject = subject;
        Until = until;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        CreatedBy = createdBy;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }

    public string Kind { get; private set; } = "";

    public string Subject { get; private set; } = "";

    public DateTimeOffset Until { get; private set; }

    public string? Note { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public bool IsActiveAt(DateTimeOffset at) => Until > at;
}
