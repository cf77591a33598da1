using Ava.Dashboard.Components.Layout;
using Ava.Domain.Security;
using Ava.Domain.Settings;
using Ava.Infrastructure.Settings;
using Bunit;

namespace Ava.Tests.Components;

/// <summary>The layout's view of maintenance mode and the flags, over the real services: open pages switch as soon as someone switches.</summary>
public sealed class OperationsStateTests : DashboardTestContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task AViewersOpenPage_ShowsTheMessageWhenMaintenanceStarts_AndThePageAgainWhenItEnds()
    {
        var db = await UseDatabaseAsync();
        var admin = ServiceDatabase.Principal("admin@ava.local", Roles.Admin);
        var layout = RenderLayout(Roles.Viewer);
        layout.Find("[data-testid=page]").ShouldNotBeNull();

        await db.AsAsync<MaintenanceService, MaintenanceStatus>(admin, m => m.StartAsync("Upgrading; back soon.", null));

        layout.WaitForAssertion(() => layout.Find("[data-testid=maintenance-message]").TextContent.ShouldBe("Upgrading; back soon."), Wait);
        layout.FindAll("[data-testid=page]").ShouldBeEmpty();

        await db.AsAsync<MaintenanceService, MaintenanceStatus>(admin, m => m.EndAsync());

        layout.WaitForAssertion(() => layout.Find("[data-testid=page]").ShouldNotBeNull(), Wait);
        layout.FindAll("[data-testid=maintenance-notice]").ShouldBeEmpty();
    }

    [Fact]
    public async Task AnAdminsOpenPage_KeepsThePage_AndGetsTheBanner()
    {
        var db = await UseDatabaseAsync();
        var admin = ServiceDatabase.Principal("admin@ava.local", Roles.Admin);
        var layout = RenderLayout(Roles.Admin);

        await db.AsAsync<MaintenanceService, MaintenanceStatus>(admin, m => m.StartAsync("Upgrading; back soon.", null));

        layout.WaitForAssertion(() => layout.Find("[data-testid=maintenance-banner]").TextContent.ShouldContain("Upgrading; back soon."), Wait);
        layout.Find("[data-testid=page]").ShouldNotBeNull();
    }

    [Fact]
    public async Task SwitchingACapabilityOff_TakesItsSectionOutOfAnOpenNavigation()
    {
        var db = await UseDatabaseAsync();
        db.User = UserInRole(Roles.Developer);
        var admin = ServiceDatabase.Principal("admin@ava.local", Roles.Admin);
        var layout = Render<OperationsState>(parameters => parameters
            .AddCascadingValue(StateOf(db.User))
            .AddChildContent<NavMenu>());
        layout.WaitForAssertion(() => Hrefs(layout).ShouldContain("/execution"), Wait);

        await db.AsAsync<FeatureFlagService, FeatureFlagState>(admin, f => f.SwitchAsync(Capabilities.CommandExecution.Name, false));

        layout.WaitForAssertion(() => Hrefs(layout).ShouldNotContain("/execution"), Wait);
        Hrefs(layout).ShouldContain("/prompts");
    }

    private IRenderedComponent<OperationsState> RenderLayout(string role) =>
        Render<OperationsState>(parameters => parameters
            .AddCascadingValue(StateOf(UserInRole(role)))
            .AddChildContent<OperationsGate>(gate => gate.AddChildContent("<p data-testid=\"page\">the page</p>")));

    private static string[] Hrefs(IRenderedComponent<OperationsState> layout) =>
        layout.FindAll("a").Select(a => a.GetAttribute("href") ?? "").ToArray();
}
