namespace Ava.Infrastructure.Approvals;

public enum ApprovalActivityKind
{
    Submitted,
    Decided,
    RolledBack,
    TicketChanged,
}

/// <summary>
/// The approvals topic of <see cref="Common.LiveUpdates"/>: a recommendation was submitted or decided, a
/// changeset rolled back or a ticket moved. Queue, changeset and ticket pages re-read when they hear it.
/// </summary>
public sealed record ApprovalActivityEvent(ApprovalActivityKind Kind, long RecommendationId, long? ChangeSetId = null);
