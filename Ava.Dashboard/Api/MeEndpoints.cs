using System.Security.Claims;
using Ava.Domain.Security;
using Ava.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ava.Dashboard.Api;

/// <summary>Who the token acts as, and what it may do.</summary>
/// <param name="ApproveReason">Why the user may approve AI recommendations: AdminRole, ApproverClaim, or None.</param>
public sealed record MeResource(
    string Id,
    string? Email,
    string Name,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Permissions,
    bool CanApprove,
    ApprovalGrantReason ApproveReason);

internal static class MeEndpoints
{
    public static void MapMeEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/me", GetMe)
            .WithTags("Account")
            .WithName("GetMe")
            .WithSummary("The token's user")
            .WithDescription("The user the token acts as: roles, permissions and whether (and why) they may approve AI recommendations.")
            .ProducesApiErrors();

    private static Ok<MeResource> GetMe(ClaimsPrincipal user)
    {
        var roles = user.Roles().ToList();
        var grant = user.ApprovalGrant();
        return TypedResults.Ok(new MeResource(
            user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            user.FindFirstValue(ClaimTypes.Email),
            user.DisplayName(),
            roles,
            PermissionTable.PermissionsOf(roles),
            grant.IsGranted,
            grant.Reason));
    }
}
