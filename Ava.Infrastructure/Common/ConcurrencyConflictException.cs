using Ava.Domain.Common;

namespace Ava.Infrastructure.Common;

/// <summary>
/// Someone else saved the entity after the caller loaded it: who, when, and what it holds now,
/// so the caller can compare instead of overwriting.
/// </summary>
public sealed class ConcurrencyConflictException(string changedBy, DateTimeOffset changedAt, object currentValues, Guid currentVersion)
    : DomainException($"Changed by {changedBy} at {changedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC since you opened it. Review their values before saving again.")
{
    public string ChangedBy { get; } = changedBy;

    public DateTimeOffset ChangedAt { get; } = changedAt;

    public object CurrentValues { get; } = currentValues;

    public Guid CurrentVersion { get; } = currentVersion;
}
