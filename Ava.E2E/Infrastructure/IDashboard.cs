using Microsoft.Playwright;

namespace Ava.E2E.Infrastructure;

/// <summary>A running dashboard the browser tests drive: its host, the saved sign-ins of its demo users, its services.</summary>
public interface IDashboard
{
    DashboardHost Host { get; }

    SignInStates SignIns { get; }

    /// <summary>The app's own services over the dashboard's database, for data no page creates.</summary>
    ServiceDatabase App { get; }

    /// <summary>A new, isolated browser context on the dashboard, optionally carrying a saved sign-in.</summary>
    Task<IBrowserContext> NewContextAsync(string? storageState = null);
}
