using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Ava.Infrastructure.Identity;

/// <summary>Adds the "must change password" marker to the sign-in cookie of a user with a temporary password.</summary>
internal sealed class AvaClaimsPrincipalFactory(
    UserManager<AvaUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AvaUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AvaUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(AvaClaimTypes.MustChangePassword, "true"));
        }

        return identity;
    }
}
