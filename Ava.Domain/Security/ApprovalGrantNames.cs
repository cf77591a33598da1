namespace Ava.Domain.Security;

/// <summary>
/// The one written name of each grant reason, as decisions, changesets, audit events and the API
/// record it. Events written before there was one name spell it like the enum ("AdminRole"); the
/// audit chain is never rewritten, so <see cref="Parse"/> reads both spellings.
/// </summary>
public static class ApprovalGrantNames
{
    public const string AdminRole = "admin_role";
    public const string ApproverClaim = "approver_claim";

    public static string Of(ApprovalGrantReason reason) => reason switch
    {
        ApprovalGrantReason.AdminRole => AdminRole,
        ApprovalGrantReason.ApproverClaim => ApproverClaim,
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Only a granted reason has a name."),
    };

    /// <summary>The reason a recorded name stands for, in either spelling; null for anything else.</summary>
    public static ApprovalGrantReason? Parse(string? recorded) => recorded?.Trim() switch
    {
        AdminRole or nameof(ApprovalGrantReason.AdminRole) => ApprovalGrantReason.AdminRole,
        ApproverClaim or nameof(ApprovalGrantReason.ApproverClaim) => ApprovalGrantReason.ApproverClaim,
        _ => null,
    };

    /// <summary>The written name of a recorded grant, whichever spelling it was recorded in; other text is returned as it is.</summary>
    public static string Normalize(string recorded) => Parse(recorded) is { } reason ? Of(reason) : recorded;
}
