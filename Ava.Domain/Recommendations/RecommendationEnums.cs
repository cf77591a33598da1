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

/// <summary>The kinds of entity a recommendation may change.</summary>
public enum ChangeTargetType
{
    Stream = 0,
    Codestone = 1,
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

public static class RecommendationLabels
{
    public static string Of(ConfidenceBand band) => band switch
    {
        ConfidenceBand.Ready => "Ready",
        ConfidenceBand.NeedsReview => "Needs review",
        ConfidenceBand.Escalated => "Escalated",
        _ => band.ToString(),
    };

    public static string Of(RecommendationStatus status) => status == RecommendationStatus.RolledBack ? "Rolled back" : status.ToString();

    public static string Of(ChangeTargetType type) => type == ChangeTargetType.Stream ? "Stream" : "Codestone";
}
