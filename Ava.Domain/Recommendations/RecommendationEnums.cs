namespace Ava.Domain.Recommendations;

public enum RecommendationStatus
{
    Pending = 0,
    Applied = 1,
    Rejected = 2,
    Escalated = 3,
    Failed = 4,
    RolledBack = 5,
}

/// <summary>How sure the assistant is, in the bands the approver works with (specification §3).</summary>
public enum ConfidenceBand
{
    /// <summary>Confidence at or above the ready threshold: one click to approve.</summary>
    Ready = 0,

    /// <summary>Between the thresholds: the approver confirms they reviewed the changes.</summary>
    NeedsReview = 1,

    /// <summary>Below the review threshold: escalated to the helpdesk at submission.</summary>
    Escalated = 2,
}

public enum ChangeOperation
{
    Create = 0,
    Update = 1,
    Delete = 2,
}

public enum EscalationUrgency
{
    Low = 0,
    Medium = 1,
    High = 2,
    Critical = 3,
}
