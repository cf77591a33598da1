using Ava.Domain.Audit;

namespace Ava.Domain.Recommendations;

[AuditActionSet("Recommendations")]
public static class RecommendationAuditActions
{
    public const string Submitted = "recommendation.submitted";
    public const string Approved = "recommendation.approved";
    public const string Rejected = "recommendation.rejected";
    public const string Escalated = "recommendation.escalated";
    public const string ApplyFailed = "recommendation.apply_failed";

    /// <summary>An approver tried to approve what they submitted themselves, with separation of duties on.</summary>
    public const string SelfApprovalRefused = "recommendation.self_approval_refused";
}
