using Ava.Domain.Security;

namespace Ava.Tests.Domain.Security;

public class ApproverCapabilityTests
{
    private static readonly (string, string)[] NoClaims = [];

    [Fact]
    public void Evaluate_GrantsByAdminRole_WhenUserIsAdmin()
    {
        var grant = ApproverCapability.Evaluate([Roles.Admin], NoClaims);

        grant.ShouldBe(new ApprovalGrant(true, ApprovalGrantReason.AdminRole));
    }

    [Fact]
    public void Evaluate_GrantsByClaim_WhenNonAdminHoldsApproverClaim()
    {
        var grant = ApproverCapability.Evaluate([Roles.Developer], [(ApproverCapability.ClaimType, "true")]);

        grant.ShouldBe(new ApprovalGrant(true, ApprovalGrantReason.ApproverClaim));
    }

    [Fact]
    public void Evaluate_ReportsAdminRoleFirst_WhenAdminAlsoHoldsClaim()
    {
        var grant = ApproverCapability.Evaluate([Roles.Admin], [(ApproverCapability.ClaimType, "true")]);

        grant.Reason.ShouldBe(ApprovalGrantReason.AdminRole);
    }

    [Theory]
    [InlineData("Developer")]
    [InlineData("Viewer")]
    public void Evaluate_Denies_WhenNonAdminHasNoClaim(string role)
    {
        ApproverCapability.Evaluate([role], NoClaims).ShouldBe(ApprovalGrant.Denied);
    }

    [Fact]
    public void Evaluate_Denies_WhenSignedInWithoutAnyRole()
    {
        ApproverCapability.Evaluate([], NoClaims).IsGranted.ShouldBeFalse();
    }

    [Theory]
    [InlineData("ai_recommendation_approver", "false")]
    [InlineData("ai_recommendation_approver", "")]
    [InlineData("approver", "true")]
    [InlineData("role", "ai_recommendation_approver")]
    public void Evaluate_Denies_WhenClaimIsNotTheExplicitGrant(string type, string value)
    {
        ApproverCapability.Evaluate([Roles.Viewer], [(type, value)]).IsGranted.ShouldBeFalse();
    }
}
