using Microsoft.Extensions.Logging;

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
public sealed class ApprovalActivity(ILogger<ApprovalActivity> logger)
{
    public event Action<ApprovalActivityEvent>? Changed;

    /// <summary>Notifies every listener; a failing listener is logged and never fails the change that already committed.</summary>
    public void Publish(ApprovalActivityEvent activity)
    {
        foreach (var listener in Changed?.GetInvocationList().Cast<Action<ApprovalActivityEvent>>() ?? [])
        {
            try
            {
                listener(activity);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "A listener failed on approval activity {Kind} for recommendation {RecommendationId}", activity.Kind, activity.RecommendationId);
            }
        }
    }
}
