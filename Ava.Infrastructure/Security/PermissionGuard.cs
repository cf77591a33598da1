using System.Runtime.CompilerServices;
using System.Security.Claims;
using Ava.Domain.Security;
using Ava.Infrastructure.Audit;

namespace Ava.Infrastructure.Security;

/// <summary>
/// The service layer's own permission check: every service method that changes or reveals
/// protected data calls this first, whatever the UI already hid. A refusal is recorded in the
/// audit trail as a security violation before the caller sees it.
/// </summary>
public sealed class PermissionGuard(IUserContext userContext, AuditTrail trail)
{
    /// <summary>Returns the caller when they hold the permission; otherwise records the violation and throws <see cref="PermissionDeniedException"/>.</summary>
    public async Task<ClaimsPrincipal> DemandAsync(
        string permission,
        [CallerMemberName] string member = "",
        [CallerFilePath] string file = "")
    {
        var user = await userContext.GetUserAsync();
        if (user.HasPermission(permission))
        {
            return user;
        }

        await trail.RecordViolationAsync(permission, $"service:{Path.GetFileNameWithoutExtension(file)}.{member}");
        throw new PermissionDeniedException(permission, user.Identity?.Name);
    }

    /// <summary>Returns the caller and why they may approve AI recommendations (specification §2); otherwise records the violation and throws.</summary>
    public async Task<(ClaimsPrincipal User, ApprovalGrant Grant)> DemandApproverAsync(
        [CallerMemberName] string member = "",
        [CallerFilePath] string file = "")
    {
        var user = await userContext.GetUserAsync();
        var grant = user.ApprovalGrant();
        if (grant.IsGranted)
        {
            return (user, grant);
        }

        await trail.RecordViolationAsync(ApproverCapability.Name, $"service:{Path.GetFileNameWithoutExtension(file)}.{member}");
        throw new PermissionDeniedException(ApproverCapability.Name, user.Identity?.Name);
    }

    /// <summary>The approvals queue and changesets are for run_ai_prompts or approvers (specification §9b).</summary>
    public async Task<ClaimsPrincipal> DemandApprovalsViewerAsync(
        [CallerMemberName] string member = "",
        [CallerFilePath] string file = "")
    {
        var user = await userContext.GetUserAsync();
        if (user.HasPermission(Permissions.RunAiPrompts) || user.ApprovalGrant().IsGranted)
        {
            return user;
        }

        await trail.RecordViolationAsync($"{Permissions.RunAiPrompts} or {ApproverCapability.Name}", $"service:{Path.GetFileNameWithoutExtension(file)}.{member}");
        throw new PermissionDeniedException(Permissions.RunAiPrompts, user.Identity?.Name);
    }
}
