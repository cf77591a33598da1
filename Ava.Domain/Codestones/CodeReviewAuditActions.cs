using Ava.Domain.Audit;

namespace Ava.Domain.Codestones;

/// <summary>AI code reviews of codestones: asked for, finished, failed.</summary>
[AuditActionSet("Code reviews")]
public static class CodeReviewAuditActions
{
    public const string Requested = "code_review.requested";
    public const string Completed = "code_review.completed";
    public const string Failed = "code_review.failed";
}
