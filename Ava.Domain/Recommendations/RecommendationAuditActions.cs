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
}
