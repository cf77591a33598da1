using System.Globalization;
using System.Reflection;
using Ava.Domain.ChangeSets;
using Ava.Domain.Recommendations;
using Ava.E2E.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Ava.E2E.Infrastructure;

/// <summary>
/// One routable page of the dashboard (an <c>@page</c> template), who may open it, and why it is not visited when
/// a browser test cannot reach it in a meaningful state.
/// </summary>
/// <param name="Template">The template exactly as the page's <c>@page</c> directive writes it.</param>
/// <param name="Roles">The demo roles that may open it; empty for pages that are visited signed out.</param>
/// <param name="NotVisitedBecause">Set when the page is deliberately left out, with the reason.</param>
public sealed record DashboardRoute(string Template, DemoUser[] Roles, string? NotVisitedBecause = null)
{
    /// <summary>Identity pages render statically: no circuit, no theme toggle of their own.</summary>
    public bool IsStatic => Template.StartsWith("/Account", StringComparison.Ordinal);

    /// <summary>Whether the page sits in the dashboard's frame (app bar, theme toggle) rather than the sign-in card.</summary>
    public bool HasAppBar => !IsStatic || Template.StartsWith("/Account/Manage", StringComparison.Ordinal);

    public bool IsSignedOut => Roles.Length == 0 && NotVisitedBecause is null;
}

/// <summary>Every page of the dashboard, and the demo data that fills its route parameters.</summary>
public static class DashboardRoutes
{
    private static readonly DemoUser[] Everyone = [DemoUser.Admin, DemoUser.Developer, DemoUser.Viewer];
    private static readonly DemoUser[] AiUsers = [DemoUser.Admin, DemoUser.Developer];
    private static readonly DemoUser[] AdminOnly = [DemoUser.Admin];
    private static readonly DemoUser[] SignedOut = [];

    public static IReadOnlyList<DashboardRoute> All { get; } =
    [
        new("/", Everyone),
        new("/briefings", Everyone),
        new("/briefings/{Date}", Everyone),
        new("/streams", Everyone),
        new("/streams/{Id:long}", Everyone),
        new("/codestones", Everyone),
        new("/codestones/{Id:long}", Everyone),
        new("/approvals", AiUsers),
        new("/approvals/{Id:long}", AiUsers),
        new("/changesets", AiUsers),
        new("/changesets/{Id:long}", AiUsers),
        new("/tickets", AdminOnly),
        new("/tickets/{Id:long}", AdminOnly),
        new("/prompts", AiUsers),
        new("/prompts/{Name}", AiUsers),
        new("/workflows", AiUsers),
        new("/execution", AiUsers),
        new("/execution/{Id:long}", AiUsers),
        new("/audit", AdminOnly),
        new("/admin/users", AdminOnly),
        new("/admin/settings", AdminOnly),
        new("/health", Everyone),
        new("/not-found", Everyone),
        new("/Error", Everyone),
        new("/Account/AccessDenied", Everyone),
        new("/Account/Manage", Everyone),
        new("/Account/Manage/ApiTokens", Everyone),
        new("/Account/Manage/ChangePassword", Everyone),
        new("/Account/Manage/TwoFactorAuthentication", Everyone),
        new("/Account/Manage/ResetAuthenticator", Everyone),
        new("/Account/Login", SignedOut),
        new("/Account/Lockout", SignedOut),
        new("/Account/InvalidUser", SignedOut),
        new("/Account/Manage/EnableAuthenticator", SignedOut,
            "opening it creates an authenticator key, which changes the security stamp and signs the shared demo sessions out"),
        new("/Account/ChangeTemporaryPassword", SignedOut, "only a user with a temporary password sees it; the demo users are sent home"),
        new("/Account/LoginWith2fa", SignedOut, "needs a sign-in half done with two-factor authentication, which no demo user has"),
        new("/Account/LoginWithRecoveryCode", SignedOut, "needs a sign-in half done with two-factor authentication, which no demo user has"),
        new("/Account/Manage/Disable2fa", Everyone, "refuses users without two-factor authentication, which no demo user has"),
        new("/Account/Manage/GenerateRecoveryCodes", Everyone, "refuses users without two-factor authentication, which no demo user has"),
    ];

    /// <summary>The templates of every <c>@page</c> in the dashboard, read from the built assembly.</summary>
    public static IReadOnlyList<string> TemplatesInDashboard() =>
        typeof(Ava.Dashboard.Components.Layout.NavSections).Assembly.GetTypes()
            .SelectMany(type => type.GetCustomAttributes<RouteAttribute>())
            .Select(route => route.Template)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Every page <paramref name="user"/> may open, with its address in the demo data, in table order.</summary>
    public static async Task<IReadOnlyList<(DashboardRoute Route, string Address)>> PagesOfAsync(this ServiceDatabase app, DemoUser user)
    {
        var pages = new List<(DashboardRoute, string)>();
        foreach (var route in All.Where(route => route.NotVisitedBecause is null && route.Roles.Contains(user)))
        {
            pages.Add((route, await app.AddressAsync(route)));
        }

        return pages;
    }

    /// <summary>The address of <paramref name="route"/> with its parameters filled from the demo data.</summary>
    public static async Task<string> AddressAsync(this ServiceDatabase app, DashboardRoute route)
    {
        await using var db = app.NewContext();
        return route.Template switch
        {
            "/briefings/{Date}" => "/briefings/" + (await db.MorningBriefings.MaxAsync(b => b.Date)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "/streams/{Id:long}" => "/streams/" + await db.Streams.MinAsync(s => s.Id),
            "/codestones/{Id:long}" => "/codestones/" + await db.CodeReviews.MinAsync(r => r.CodestoneId),
            // A pending recommendation shows the most: the preview and, for approvers, the decision buttons.
            "/approvals/{Id:long}" => "/approvals/" + await db.Recommendations.Where(r => r.Status == RecommendationStatus.Pending).MinAsync(r => r.Id),
            "/changesets/{Id:long}" => "/changesets/" + await db.ChangeSets.Where(c => c.Status == ChangeSetStatus.Applied).MinAsync(c => c.Id),
            "/tickets/{Id:long}" => "/tickets/" + await db.Tickets.MinAsync(t => t.Id),
            "/prompts/{Name}" => "/prompts/" + await db.PromptTemplates.OrderBy(p => p.Name).Select(p => p.Name).FirstAsync(),
            "/execution/{Id:long}" => "/execution/" + await db.CommandExecutions.MinAsync(e => e.Id),
            _ when !route.Template.Contains('{') => route.Template,
            _ => throw new InvalidOperationException($"No demo data fills {route.Template}; add it here."),
        };
    }

    /// <summary>Opens the page and waits until it shows its data: the circuit is connected and nothing is loading any more.</summary>
    public static async Task VisitAsync(this IPage page, DashboardRoute route, string address)
    {
        await page.GotoAsync(address);
        await Assertions.Expect(page.Locator("h1").First).ToBeVisibleAsync();
        if (!route.IsStatic)
        {
            await new DashboardLayout(page).UserMenu.WaitUntilInteractiveAsync();
        }

        var loading = page.Locator(".mud-progress-linear.mud-progress-indeterminate");
        try
        {
            // Longer than a usual wait: a page that reads several lists can queue behind the demo workflows' writes.
            await Assertions.Expect(loading).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        }
        catch (PlaywrightException ex)
        {
            throw new PlaywrightException($"{address} is still loading: {await LoadingStateAsync(page, loading)}. {ex.Message}", ex);
        }
    }

    /// <summary>What is still loading, and whether the page's circuit failed or lost its connection.</summary>
    private static async Task<string> LoadingStateAsync(IPage page, ILocator loading)
    {
        var labels = await loading.EvaluateAllAsync<string[]>("bars => bars.map(b => b.getAttribute('aria-label') ?? 'a progress bar without a label')");
        var failed = await page.Locator("#blazor-error-ui").IsVisibleAsync();
        var reconnecting = await page.Locator("#components-reconnect-modal").IsVisibleAsync();
        return $"{string.Join(", ", labels)}; the circuit {(failed ? "failed (error bar shown)" : reconnecting ? "lost its connection" : "is up")}";
    }
}
