using System.Globalization;
using System.Security.Claims;
using Ava.Infrastructure.ApiTokens;
using Ava.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;

namespace Ava.Dashboard.Api;

/// <summary>
/// The principal of a verified token: the one a cookie sign-in builds for its owner (roles, the
/// approver claim), plus the token's id and prefix. Building it takes four queries, so the owner's
/// claims are kept for <see cref="DependencyInjection.RevalidationInterval"/> under the user's
/// security stamp: every role, claim or password change renews the stamp and so misses the cache,
/// and nothing is older than a cookie session's own re-check. Revocation, expiry and lockout are
/// checked on every request by <see cref="ApiTokenService.VerifyAsync"/>, never cached.
/// </summary>
public sealed class ApiTokenPrincipals(IServiceProvider services, IMemoryCache cache)
{
    public async Task<ClaimsPrincipal> CreateAsync(ApiTokenVerification verification, string authenticationType)
    {
        var user = verification.User ?? throw new ArgumentException("Only a valid token has a principal.", nameof(verification));
        var owner = await cache.GetOrCreateAsync(("api-token-owner", user.Id, user.SecurityStamp), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = DependencyInjection.RevalidationInterval;
            entry.Size = 1;
            // Resolved only on a miss: the factory brings a UserManager, its stores and a context with it.
            var signedIn = await services.GetRequiredService<IUserClaimsPrincipalFactory<AvaUser>>().CreateAsync(user);
            var identity = signedIn.Identities.First();
            return new Owner(signedIn.Claims.ToList(), identity.NameClaimType, identity.RoleClaimType);
        });

        var claims = new List<Claim>(owner!.Claims)
        {
            new(ApiTokenAuthentication.TokenIdClaim, verification.TokenId!.Value.ToString(CultureInfo.InvariantCulture)),
            new(ApiTokenAuthentication.TokenPrefixClaim, verification.Prefix!),
        };
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, owner.NameClaimType, owner.RoleClaimType));
    }

    private sealed record Owner(IReadOnlyList<Claim> Claims, string NameClaimType, string RoleClaimType);
}
