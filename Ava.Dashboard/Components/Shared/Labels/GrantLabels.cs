using Ava.Domain.Security;

namespace Ava.Dashboard.Components.Shared.Labels;

/// <summary>Why an approver could approve, as a decision or changeset recorded it, in either spelling the records use.</summary>
public static class GrantLabels
{
    /// <summary>"Admin role" or "approver capability"; null for a recorded text that names no grant.</summary>
    public static string? Of(string? recorded) => ApprovalGrantNames.Parse(recorded) switch
    {
        ApprovalGrantReason.AdminRole => "Admin role",
        ApprovalGrantReason.ApproverClaim => "approver capability",
        _ => null,
    };
}
