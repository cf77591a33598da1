using System.Runtime.CompilerServices;
using System.Security.Claims;
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
}
