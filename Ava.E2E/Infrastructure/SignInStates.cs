using System.Collections.Concurrent;
using Ava.E2E.Pages;
using Microsoft.Playwright;

namespace Ava.E2E.Infrastructure;

/// <summary>
/// Signs each demo user in through the form once per run and keeps the resulting cookies, so that a test
/// that needs a signed-in user starts there instead of repeating the sign-in.
/// </summary>
public sealed class SignInStates(IDashboard dashboard)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _states = new();

    /// <summary>The browser storage state (cookies) of <paramref name="user"/>, signed in.</summary>
    public Task<string> GetAsync(DemoUser user) =>
        _states.GetOrAdd(user.Email, _ => new Lazy<Task<string>>(() => SignInAsync(user))).Value;

    private async Task<string> SignInAsync(DemoUser user)
    {
        await using var context = await dashboard.NewContextAsync();
        var page = await context.NewPageAsync();
        var login = new LoginPage(page);
        await login.GotoAsync();
        await login.SignInAsync(user.Email, dashboard.Host.DemoPassword);
        await Assertions.Expect(new DashboardLayout(page).UserMenu).ToBeVisibleAsync();
        return await context.StorageStateAsync();
    }
}
