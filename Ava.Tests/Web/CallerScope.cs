using Ava.Infrastructure.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Tests.Web;

/// <summary>
/// A DI scope of the running app in which the services see a given user as their caller, the way they
/// do inside that user's Blazor circuit: the app's own user context reads the scope's authentication
/// state, which holds the principal Identity issues for the user at sign-in.
/// </summary>
public static class CallerScope
{
    public static async Task<AsyncServiceScope> CreateAsync(IServiceProvider services, string email)
    {
        var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AvaUser>>();
        var user = (await users.FindByEmailAsync(email)).ShouldNotBeNull($"no user {email}");
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AvaUser>>().CreateAsync(user);

        var authentication = scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        ((IHostEnvironmentAuthenticationStateProvider)authentication).SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return scope;
    }
}
