using Ava.Domain.Common;
using Ava.Domain.Recommendations;
using Ava.Infrastructure.ChangeSets;

namespace Ava.Infrastructure.Approvals;

/// <summary>Someone decided the recommendation first: who, how and when.</summary>
public sealed class RecommendationDecidedException(RecommendationStatus status, string? decidedBy, DateTimeOffset? decidedAt)
    : DomainException(status == RecommendationStatus.Pending
        ? "This recommendation changed while you were deciding; reload it."
        : $"Already {Verb(status)} by {decidedBy ?? "someone else"}{(decidedAt is { } at ? $" at {at.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC" : "")}.")
{
    public RecommendationStatus Status { get; } = status;

    public string? DecidedBy { get; } = decidedBy;

    private static string Verb(RecommendationStatus status) => status switch
    {
        RecommendationStatus.Applied => "approved",
        RecommendationStatus.RolledBack => "approved and rolled back",
        RecommendationStatus.Failed => "approved (the apply failed)",
        _ => status.ToString().ToLowerInvariant(),
    };
}

/// <summary>The approval could not be applied. Nothing was written; the recommendation is Failed.</summary>
/// <summary>Separation of duties: the approver submitted this recommendation themselves; another approver decides it.</summary>
public sealed class SelfApprovalRefusedException()
    : DomainException("You submitted this recommendation yourself; another approver must approve it (separation of duties).");

public sealed class ApplyFailedException(long recommendationId, string message, Exception inner)
    : DomainException($"The changes could not be applied, so nothing was changed and the recommendation is marked Failed: {message}")
{
    public long RecommendationId { get; } = recommendationId;

    public string Reason { get; } = message;

    public new Exception InnerException { get; } = inner;
}

/// <summary>A rollback would overwrite changes made after the changeset; nothing was rolled back.</summary>
public sealed class RollbackConflictException(IReadOnlyList<RollbackConflict> conflicts)
    : DomainException($"Nothing was rolled back: {conflicts.Count} field{(conflicts.Count == 1 ? " was" : "s were")} changed after this changeset was applied.")
{
    public IReadOnlyList<RollbackConflict> Conflicts { get; } = conflicts;
}

/// <summary>An entity the approval or rollback writes was saved by someone else meanwhile; nothing was changed, and it can be tried again.</summary>
public sealed class TargetChangedException()
    : DomainException("One of the entities it changes was saved by someone else at the same moment; nothing was changed. Review it again and retry.");
