using Ava.Domain.Recommendations;

namespace Ava.Infrastructure.Configuration;

/// <summary>The confidence bands and automatic escalation (specification §3).</summary>
public sealed class ApprovalOptions
{
    public const string Section = "Approvals";

    /// <summary>Confidence at or above this is "ready".</summary>
    public double ReadyThreshold { get; set; } = ConfidenceThresholds.Default.Ready;

    /// <summary>Confidence at or above this (and below ready) "needs review"; below it the recommendation is escalated at submission.</summary>
    public double ReviewThreshold { get; set; } = ConfidenceThresholds.Default.Review;

    /// <summary>The urgency of the helpdesk ticket opened by an automatic escalation.</summary>
    public EscalationUrgency AutoEscalationUrgency { get; set; } = EscalationUrgency.Medium;

    /// <summary>
    /// Separation of duties: nobody approves a recommendation they submitted themselves (on by default).
    /// Recommendations from scheduled workflows are the system actor's, so never anyone's own.
    /// </summary>
    public bool SeparationOfDuties { get; set; } = true;

    public ConfidenceThresholds Thresholds => new(ReadyThreshold, ReviewThreshold);
}
