using Ava.Domain.Common;

namespace Ava.Domain.Settings;

/// <summary>
/// A period of maintenance mode: other users see <see cref="Message"/> instead of the app and the API answers
/// 503 to them, while administrators keep working. It lasts until someone ends it or, when an expected end was
/// given, until that time.
/// </summary>
public sealed class MaintenanceWindow
{
    public const int MessageMaxLength = 500;

    /// <summary>The furthest ahead an expected end may be.</summary>
    public static readonly TimeSpan MaxExpectedLength = TimeSpan.FromDays(14);

    private MaintenanceWindow()
    {
    }

    private MaintenanceWindow(string message, DateTimeOffset? expectedEnd, string startedBy, DateTimeOffset startedAt)
    {
        Message = message;
        ExpectedEnd = expectedEnd;
        StartedBy = startedBy;
        StartedAt = startedAt;
    }

    public long Id { get; private set; }

    public string Message { get; private set; } = "";

    public string StartedBy { get; private set; } = "";

    public DateTimeOffset StartedAt { get; private set; }

    /// <summary>When the maintenance is expected to end; it ends by itself then.</summary>
    public DateTimeOffset? ExpectedEnd { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>Who ended it, or the system when the expected end passed.</summary>
    public string? EndedBy { get; private set; }

    public static MaintenanceWindow Start(string message, DateTimeOffset? expectedEnd, string by, DateTimeOffset at)
    {
        var text = message?.Trim() ?? "";
        if (text.Length == 0)
        {
            throw new DomainException("Say what users will see: the message is required.");
        }

        if (text.Length > MessageMaxLength)
        {
            throw new DomainException($"The message may be at most {MessageMaxLength} characters long.");
        }

        if (expectedEnd is { } end && end <= at)
        {
            throw new DomainException("The expected end must be in the future.");
        }

        if (expectedEnd is { } far && far - at > MaxExpectedLength)
        {
            throw new DomainException($"The expected end may be at most {MaxExpectedLength.TotalDays:0} days ahead.");
        }

        return new MaintenanceWindow(text, expectedEnd, by, at);
    }

    /// <summary>Whether maintenance mode is on at <paramref name="at"/>: started, not ended, and its expected end not passed.</summary>
    public bool IsActiveAt(DateTimeOffset at) => EndedAt is null && (ExpectedEnd is not { } end || end > at);

    /// <summary>Whether it ran out at its expected end without being ended.</summary>
    public bool HasExpiredAt(DateTimeOffset at) => EndedAt is null && ExpectedEnd is { } end && end <= at;

    public void End(string by, DateTimeOffset at)
    {
        if (EndedAt is not null)
        {
            throw new DomainException($"Maintenance mode was already ended by {EndedBy}.");
        }

        EndedBy = by;
        EndedAt = at;
    }
}
