using System.Security.Claims;
using Ava.Dashboard.Security;
using Ava.Domain.Security;
using Bunit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Ava.Tests.Components;

/// <summary>
/// The one bUnit context for dashboard components: MudBlazor services, loose JS interop,
/// and the real permission policies (not a fake authorization service).
/// </summary>
public abstract class DashboardTestContext : BunitContext
{
    protected DashboardTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLogging();
        Services.AddPermissionPolicies();

        // bUnit pre-registers a placeholder that refuses to authorize; these tests want the real evaluation.
        Services.AddTransient<IAuthorizationService, DefaultAuthorizationService>();
    }

    protected static ClaimsPrincipal UserInRole(string role, params Claim[] extraClaims)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, $"{role.ToLowerInvariant()}@ava.local"), new(ClaimTypes.Role, role) };
        claims.AddRange(extraClaims);
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Test"));
    }

    protected static ClaimsPrincipal Approver(string role) =>
        UserInRole(role, new Claim(ApproverCapability.ClaimType, ApproverCapability.ClaimValue));

    protected static Task<AuthenticationState> StateOf(ClaimsPrincipal user) => Task.FromResult(new AuthenticationState(user));
}
