namespace Ava.Infrastructure.Approvals;

public enum ApprovalActivityKind
{
    Submitted,
    Decided,
    RolledBack,
    TicketChanged,
}

public sealed record ApprovalActivityEvent(ApprovalActivityKind Kind, long RecommendationId, long? ChangeSetId = null);

/// <summary>
/// Tells every open queue, changeset and ticket page of this instance that something changed,
/// after the change has committed. Pages re-read from the database; the event carries ids only.
/// </summary>
public sealed class ApprovalActivity
{
    public event Action<ApprovalActivityEvent>? Changed;

    public void Publish(ApprovalActivityEvent activity) => Changed?.Invoke(activity);
}
