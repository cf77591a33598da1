namespace Ava.Domain.Security;

/// <summary>Why a user may (or may not) approve AI recommendations; recorded with every decision.</summary>
public enum ApprovalGrantReason
{
    None = 0,
    AdminRole = 1,
    ApproverClaim = 2,
}

public sealed record ApprovalGrant(bool IsGranted, ApprovalGrantReason Reason)
{
    public static ApprovalGrant Denied { get; } = new(false, ApprovalGrantReason.None);
}

/// <summary>
/// The <c>approve_ai_recommendations</c> capability (specification §2): the Admin role, or the explicit
/// <see cref="ClaimType"/> claim granted on the users page; checked in that order. Nobody else.
/// </summary>
public static class ApproverCapability
{
    public const string Name = "approve_ai_recommendations";

    /// <summary>The claim type an admin grants to make a non-admin an approver.</summary>
    public const string ClaimType = "ai_recommendation_approver";

    /// <summary>The claim value that grants the capability.</summary>
    public const string ClaimValue = "true";

    public static ApprovalGrant Evaluate(IEnumerable<string> roles, IEnumerable<(string Type, string Value)> claims)
    {
        if (roles.Contains(Roles.Admin, StringComparer.Ordinal))
        {
            return new ApprovalGrant(true, ApprovalGrantReason.AdminRole);
        }

        var hasClaim = claims.Any(c =>
            string.Equals(c.Type, ClaimType, StringComparison.Ordinal) &&
            string.Equals(c.Value, ClaimValue, StringComparison.OrdinalIgnoreCase));
        return hasClaim ? new ApprovalGrant(true, ApprovalGrantReason.ApproverClaim) : ApprovalGrant.Denied;
    }
}
