using Ava.E2E.Infrastructure;
using Ava.E2E.Pages;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Ava.E2E.Tests;

/// <summary>
/// axe-core over every page of the running dashboard, as each demo role, in the light and the dark theme. Only
/// serious and critical violations fail a test; the message lists each one with the rule, page, role, theme and element.
/// </summary>
public sealed class AccessibilityTests(DashboardFixture dashboard) : BrowserTest(dashboard)
{
    public static TheoryData<string> Roles => new(DemoUser.Admin.Role, DemoUser.Developer.Role, DemoUser.Viewer.Role);

    [Fact]
    public void RouteTable_NamesEveryPageOfTheDashboard()
    {
        // A page added without a line in the route table would escape the scans below.
        DashboardRoutes.All.Select(route => route.Template).Order(StringComparer.Ordinal)
            .ShouldBe(DashboardRoutes.TemplatesInDashboard());
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task EveryPage_HasNoSeriousOrCriticalViolations_InLightAndDarkTheme(string role)
    {
        // Arrange
        var user = DemoUser.WithRole(role);
        var addresses = await App.PagesOfAsync(user);
        var page = await OpenPageSignedInAsync(user);
        var layout = new DashboardLayout(page);
        var findings = new List<AxeFinding>();

        // Act: every page in the light theme, then the dark one, switched the way a user does.
        try
        {
            foreach (var dark in new[] { false, true })
            {
                await page.GotoAsync(HomePage.Path);
                await layout.UseThemeAsync(dark);
                foreach (var (route, address) in addresses)
                {
                    await page.VisitAsync(route, address);
                    if (route.HasAppBar)
                    {
                        // The theme is really the one being checked: the app bar offers to switch to the other.
                        await Expect(layout.ThemeToggle(toDark: !dark)).ToBeAttachedAsync();
                    }

                    findings.AddRange(await page.SeriousViolationsAsync(address, role, dark ? "dark" : "light"));
                }
            }
        }
        finally
        {
            // The theme is the demo user's saved preference, which other tests share.
            await page.GotoAsync(HomePage.Path);
            await layout.UseThemeAsync(dark: false);
        }

        // Assert
        Output.WriteLine($"{addresses.Count} pages × 2 themes as {role}. {AxeScanner.Describe(findings)}");
        findings.Count.ShouldBe(0, AxeScanner.Describe(findings));
    }

    [Fact]
    public async Task DialogsAndTheUserMenu_HaveNoSeriousOrCriticalViolations_InLightAndDarkTheme()
    {
        // Arrange: the Admin sees every decision dialog; each is opened and cancelled, so nothing changes.
        var dialogs = new (string Path, string Button)[]
        {
            (await App.AddressAsync(Route("/approvals/{Id:long}")), "Approve"),
            (await App.AddressAsync(Route("/approvals/{Id:long}")), "Reject"),
            (await App.AddressAsync(Route("/approvals/{Id:long}")), "Escalate"),
            (await App.AddressAsync(Route("/changesets/{Id:long}")), "Roll back"),
            ("/streams", "New stream"),
        };
        var page = await OpenPageSignedInAsync(DemoUser.Admin);
        var layout = new DashboardLayout(page);
        var findings = new List<AxeFinding>();

        // Act
        try
        {
            foreach (var dark in new[] { false, true })
            {
                var theme = dark ? "dark" : "light";
                await page.GotoAsync(HomePage.Path);
                await layout.UseThemeAsync(dark);
                foreach (var (path, button) in dialogs)
                {
                    await page.GotoAsync(path);
                    await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickWhenInteractiveAsync();
                    var dialog = page.GetByRole(AriaRole.Dialog);
                    await Expect(dialog).ToBeVisibleAsync();
                    findings.AddRange(await page.SeriousViolationsAsync($"{path} ({button} dialog)", DemoUser.Admin.Role, theme));
                    await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel", Exact = true }).ClickAsync();
                    await Expect(dialog).ToBeHiddenAsync();
                }

                await layout.UserMenu.ClickWhenInteractiveAsync();
                await Expect(page.GetByRole(AriaRole.Menuitem, new() { Name = "API tokens" })).ToBeVisibleAsync();
                findings.AddRange(await page.SeriousViolationsAsync("/streams (user menu open)", DemoUser.Admin.Role, theme));
            }
        }
        finally
        {
            await page.GotoAsync(HomePage.Path);
            await layout.UseThemeAsync(dark: false);
        }

        // Assert
        Output.WriteLine(AxeScanner.Describe(findings));
        findings.Count.ShouldBe(0, AxeScanner.Describe(findings));
    }

    [Fact]
    public async Task SignedOutPages_HaveNoSeriousOrCriticalViolations()
    {
        // Arrange
        var page = await OpenPageAsync();
        var findings = new List<AxeFinding>();

        // Act
        foreach (var route in DashboardRoutes.All.Where(route => route.IsSignedOut))
        {
            await page.VisitAsync(route, route.Template);
            findings.AddRange(await page.SeriousViolationsAsync(route.Template, "signed out", "light"));
        }

        // Assert
        Output.WriteLine(AxeScanner.Describe(findings));
        findings.Count.ShouldBe(0, AxeScanner.Describe(findings));
    }

    private static DashboardRoute Route(string template) => DashboardRoutes.All.Single(route => route.Template == template);
}
