using System.Security.Claims;
using Microsoft.Extensions.Logging;

namespace Ava.Infrastructure.Security;

/// <summary>
/// The service layer's own permission check: every service method that changes or reveals
/// protected data calls this first, whatever the UI already hid.
/// </summary>
public sealed class PermissionGuard(IUserContext userContext, ILogger<PermissionGuard> logger)
{
    /// <summary>Returns the caller when they hold the permission; otherwise throws <see cref="PermissionDeniedException"/>.</summary>
    public async Task<ClaimsPrincipal> DemandAsync(string permission)
    {
        var user = await userContext.GetUserAsync();
        if (user.HasPermission(permission))
        {
            return user;
        }

        logger.LogWarning("Security violation: {UserName} lacks {Permission}", user.DisplayName(), permission);
        throw new PermissionDeniedException(permission, user.Identity?.Name);
    }
}
