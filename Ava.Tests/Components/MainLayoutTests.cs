using Ava.Dashboard.Components.Layout;
using Ava.Domain.Security;
using Ava.Infrastructure.Configuration;
using Ava.Infrastructure.Identity;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Tests.Components;

public class MainLayoutTests : DashboardTestContext
{
    private ServiceDatabase? _database;

    public MainLayoutTests()
    {
        Services.AddSingleton(new BootstrapOptions());
        Services.AddSingleton<ThemeStyles>();
        Services.AddScoped(_ => _database!.Services.CreateScope().ServiceProvider.GetRequiredService<UserPreferencesService>());
    }

    [Theory]
    [InlineData(false, "rgba(79,70,229,1)")]
    [InlineData(true, "rgba(165,180,252,1)")]
    public async Task Theme_FollowsTheSystem_ForAUserWhoHasNotChosenOne(bool systemPrefersDark, string primary)
    {
        JSInterop.Setup<bool>("avaTheme.prefersDark").SetResult(systemPrefersDark);

        var layout = await RenderLayoutAsync();

        layout.WaitForAssertion(() => string.Concat(layout.FindAll("style").Select(style => style.TextContent)).ShouldContain($"--mud-palette-primary: {primary}"));
        layout.Find($"header button[aria-label='{(systemPrefersDark ? "Switch to light mode" : "Switch to dark mode")}']").ShouldNotBeNull();
    }

    [Fact]
    public void ThemeStyles_AreRenderedOncePerMode_ByMudBlazorsThemeProvider()
    {
        var themes = Services.GetRequiredService<ThemeStyles>();

        var light = themes.For(dark: false).Value;
        var dark = themes.For(dark: true).Value;

        light.ShouldStartWith("<style");
        light.ShouldContain("--mud-palette-primary: rgba(79,70,229,1)");
        dark.ShouldContain("--mud-palette-primary: rgba(165,180,252,1)");
        ReferenceEquals(themes.For(dark: false).Value, light).ShouldBeTrue("every page shares one string per mode");
    }

    [Fact]
    public async Task WideScreenToggle_ClosesAndReopensTheDrawer()
    {
        var layout = await RenderLayoutAsync();
        var toggle = layout.Find("button.app-nav-toggle-wide");
        toggle.GetAttribute("aria-expanded").ShouldBe("true");
        toggle.GetAttribute("aria-controls").ShouldBe("app-drawer");
        layout.Find("#app-drawer nav[aria-label=Sections]").ShouldNotBeNull();

        toggle.Click();

        layout.Find(".app-layout").ClassList.ShouldContain("app-nav-closed");
        layout.Find("button.app-nav-toggle-wide").GetAttribute("aria-expanded").ShouldBe("false");

        layout.Find("button.app-nav-toggle-wide").Click();

        layout.Find(".app-layout").ClassList.ShouldNotContain("app-nav-closed");
    }

    [Fact]
    public async Task NarrowScreenToggle_OpensTheDrawerOverThePage_UntilASectionOrTheScrimIsClicked()
    {
        var layout = await RenderLayoutAsync();
        layout.Find("button.app-nav-toggle-narrow").GetAttribute("aria-expanded").ShouldBe("false");
        layout.FindAll(".app-drawer-scrim").ShouldBeEmpty();

        layout.Find("button.app-nav-toggle-narrow").Click();

        layout.Find(".app-layout").ClassList.ShouldContain("app-nav-open");
        layout.Find("button.app-nav-toggle-narrow").GetAttribute("aria-expanded").ShouldBe("true");
        layout.Find(".app-drawer-scrim").Click();
        layout.Find(".app-layout").ClassList.ShouldNotContain("app-nav-open");

        layout.Find("button.app-nav-toggle-narrow").Click();
        await layout.Find("#app-drawer a[href='/streams']").ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());

        layout.Find(".app-layout").ClassList.ShouldNotContain("app-nav-open");
        layout.Find(".app-layout").ClassList.ShouldNotContain("app-nav-closed", "the wide screen's drawer stays as it was");
    }

    [Fact]
    public async Task SignedOut_HasNoDrawerOrToggles()
    {
        _database = await UseDatabaseAsync();

        var layout = Render<MainLayout>(parameters => parameters
            .Add(l => l.Body, (RenderFragment)(builder => builder.AddContent(0, "page")))
            .AddCascadingValue(StateOf(new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity()))));

        layout.FindAll("#app-drawer").ShouldBeEmpty();
        layout.FindAll("button[aria-label='Toggle navigation']").ShouldBeEmpty();
        layout.Find(".app-layout").ClassList.ShouldNotContain("app-has-drawer");
        layout.Find(".mud-main-content").TextContent.ShouldContain("page");
    }

    private async Task<IRenderedComponent<MainLayout>> RenderLayoutAsync()
    {
        _database = await UseDatabaseAsync();
        var user = UserInRole(Roles.Viewer);
        _database.User = user;
        return Render<MainLayout>(parameters => parameters
            .Add(l => l.Body, (RenderFragment)(builder => builder.AddContent(0, "page")))
            .AddCascadingValue(StateOf(user)));
    }
}
