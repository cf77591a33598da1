using System.Text.RegularExpressions;
using Ava.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Ava.E2E.Pages;

/// <summary>The frame around every signed-in page: the app bar, the user menu and the navigation drawer.</summary>
public sealed class DashboardLayout(IPage page)
{
    public ILocator Title => page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Heading, new() { Name = "Ava Prime Dashboard" });

    public ILocator DemoBadge => page.GetByRole(AriaRole.Banner).GetByTestId("demo-badge");

    /// <summary>The button that opens the user menu; it shows the user's name and role.</summary>
    public ILocator UserMenu => page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button).Filter(new() { Has = page.GetByTestId("user-menu") });

    public ILocator UserRole => UserMenu.GetByTestId("user-role");

    /// <summary>The app bar's button that opens and closes the navigation drawer (the one of the screen's width).</summary>
    public ILocator NavigationToggle => page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Toggle navigation", Exact = true });

    /// <summary>The user menu's items, once it is open.</summary>
    public ILocator UserMenuItems => page.GetByRole(AriaRole.Menu, new() { Name = "Account" }).GetByRole(AriaRole.Menuitem);

    /// <summary>The links of the navigation drawer, in order.</summary>
    public ILocator SectionLinks => Sections.GetByRole(AriaRole.Link);

    private ILocator Sections => page.GetByRole(AriaRole.Navigation, new() { Name = "Sections", Exact = true });

    /// <summary>
    /// What the links of <paramref name="titles"/> read, for <c>ToHaveTextAsync</c>: each title, and for an approver
    /// "Approvals" followed by the pending count, which depends on what other tests left pending.
    /// </summary>
    public static Regex[] SectionTexts(IEnumerable<string> titles) =>
        titles.Select(title => new Regex(title == "Approvals" ? @"^Approvals(, \d+ pending)?$" : $"^{Regex.Escape(title)}$")).ToArray();

    public ILocator SectionLink(string title) => Sections.GetByRole(AriaRole.Link, new() { Name = title, Exact = true });

    /// <summary>The app bar's button that switches between the light and the dark theme; it names the theme it switches to.</summary>
    public ILocator ThemeToggle(bool toDark) =>
        page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = toDark ? "Switch to dark mode" : "Switch to light mode", Exact = true });

    /// <summary>Switches to the dark or the light theme with the app bar's button (the app saves it for the user), unless it is on already.</summary>
    public async Task UseThemeAsync(bool dark)
    {
        await UserMenu.WaitUntilInteractiveAsync();
        if (await ThemeToggle(toDark: !dark).IsVisibleAsync())
        {
            return;
        }

        await ThemeToggle(toDark: dark).ClickWhenInteractiveAsync();
        await Assertions.Expect(ThemeToggle(toDark: !dark)).ToBeVisibleAsync();
    }

    public async Task SignOutAsync()
    {
        await UserMenu.ClickWhenInteractiveAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Sign out", Exact = true }).ClickAsync();
    }
}
