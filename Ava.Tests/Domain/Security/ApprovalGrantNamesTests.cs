using Ava.Domain.Security;

namespace Ava.Tests.Domain.Security;

public sealed class ApprovalGrantNamesTests
{
    [Theory]
    [InlineData(ApprovalGrantReason.AdminRole, "admin_role")]
    [InlineData(ApprovalGrantReason.ApproverClaim, "approver_claim")]
    public void Of_WritesOneNamePerReason(ApprovalGrantReason reason, string name) =>
        ApprovalGrantNames.Of(reason).ShouldBe(name);

    [Theory]
    [InlineData("admin_role", ApprovalGrantReason.AdminRole)]
    [InlineData("AdminRole", ApprovalGrantReason.AdminRole)]
    [InlineData("approver_claim", ApprovalGrantReason.ApproverClaim)]
    [InlineData("ApproverClaim", ApprovalGrantReason.ApproverClaim)]
    public void Parse_ReadsTheWireNameAndTheSpellingOfOlderEvents(string recorded, ApprovalGrantReason reason)
    {
        ApprovalGrantNames.Parse(recorded).ShouldBe(reason);
        ApprovalGrantNames.Normalize(recorded).ShouldBe(ApprovalGrantNames.Of(reason));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("None")]
    [InlineData("Escalated with high urgency")]
    public void Parse_ReadsNoGrant_FromAnyOtherText(string? recorded) =>
        ApprovalGrantNames.Parse(recorded).ShouldBeNull();

    [Fact]
    public void Of_RefusesTheReasonOfARefusal() =>
        Should.Throw<ArgumentOutOfRangeException>(() => ApprovalGrantNames.Of(ApprovalGrantReason.None));
}
