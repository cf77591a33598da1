using System.Security.Claims;
using Ava.Domain.Security;

namespace Ava.Infrastructure.Security;

public static class ClaimsPrincipalPermissions
{
    public static IEnumerable<string> Roles(this ClaimsPrincipal user) =>
        user.Identities.SelectMany(i => i.FindAll(i.RoleClaimType)).Select(c => c.Value);

    /// <summary>Whether a signed-in user holds the permission through one of their roles.</summary>
    public static bool HasPermission(this ClaimsPrincipal user, string permission) =>
        user.Identity?.IsAuthenticated == true && PermissionTable.AnyRoleHas(user.Roles(), permission);

    /// <summary>The approve_ai_recommendations capability and the reason it holds.</summary>
    public static ApprovalGrant ApprovalGrant(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
            ? ApproverCapability.Evaluate(user.Roles(), user.Claims.Select(c => (c.Type, c.Value)))
            : Ava.Domain.Security.ApprovalGrant.Denied;

    /// <summary>The name shown for a user: the Identity name claim.</summary>
    public static string DisplayName(this ClaimsPrincipal user) => user.Identity?.Name ?? "anonymous";
}
