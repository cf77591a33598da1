using System.Security.Claims;
using Ava.Dashboard.Components.Layout;
using Ava.Domain.Security;
using Ava.Domain.Settings;
using Ava.Infrastructure.Settings;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Tests.Components;

/// <summary>What the layout shows in place of a page: the maintenance message, the banner for those who keep working, a switched-off capability's notice.</summary>
public sealed class OperationsGateTests : DashboardTestContext
{
    private static readonly DateTimeOffset Started = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly MaintenanceStatus Maintenance = new(true, 3, "Moving the database; back by 10:30.", "admin@ava.local", Started, Started.AddMinutes(90));

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.Developer)]
    public void Maintenance_ShowsTheMessageInsteadOfThePage_ToAUserWhoMayNotWork(string role)
    {
        var gate = RenderGate(UserInRole(role), Snapshot(Maintenance));

        gate.Find("[data-testid=maintenance-message]").TextContent.ShouldBe("Moving the database; back by 10:30.");
        gate.Find("[data-testid=maintenance-notice]").TextContent.ShouldContain("Expected back at 2026-12-01 10:30 UTC");
        gate.FindAll("[data-testid=page]").ShouldBeEmpty();
    }

    [Fact]
    public void Maintenance_LeavesAnAdminThePage_UnderABannerWithTheMessage()
    {
        var gate = RenderGate(UserInRole(Roles.Admin), Snapshot(Maintenance));

        gate.Find("[data-testid=page]").TextContent.ShouldBe("the page");
        var banner = gate.Find("[data-testid=maintenance-banner]").TextContent;
        banner.ShouldContain("“Moving the database; back by 10:30.”");
        banner.ShouldContain("until 2026-12-01 10:30 UTC");
        gate.FindAll("[data-testid=maintenance-notice]").ShouldBeEmpty();
    }

    [Fact]
    public void Maintenance_LeavesTheSignInPageAlone_ForSomeoneNotSignedIn()
    {
        var gate = RenderGate(new ClaimsPrincipal(new ClaimsIdentity()), Snapshot(Maintenance));

        gate.Find("[data-testid=page]").ShouldNotBeNull();
        gate.FindAll("[data-testid=maintenance-notice]").ShouldBeEmpty();
    }

    [Fact]
    public void SwitchedOffCapability_ShowsWhoSwitchedItOffAndWhen_OnItsPages()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/execution/12");
        var off = new FeatureFlagState(Capabilities.CommandExecution, false, "admin@ava.local", Started);

        var gate = RenderGate(UserInRole(Roles.Developer), Snapshot(MaintenanceStatus.Off, off));

        var notice = gate.Find("[data-testid=capability-off]").TextContent;
        notice.ShouldContain("Command execution is switched off");
        notice.ShouldContain("admin@ava.local switched it off on 2026-12-01 09:00 UTC.");
        gate.FindAll("[data-testid=page]").ShouldBeEmpty();
    }

    [Fact]
    public void SwitchedOffCapability_LeavesOtherPagesAlone()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/workflows");
        var off = new FeatureFlagState(Capabilities.CommandExecution, false, "admin@ava.local", Started);

        var gate = RenderGate(UserInRole(Roles.Developer), Snapshot(MaintenanceStatus.Off, off));

        gate.Find("[data-testid=page]").ShouldNotBeNull();
    }

    [Fact]
    public void SwitchedOffCapability_IsNoticedOnNavigation_WithoutAReload()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/streams");
        var off = new FeatureFlagState(Capabilities.AiFeatures, false, "admin@ava.local", Started);
        var gate = RenderGate(UserInRole(Roles.Developer), Snapshot(MaintenanceStatus.Off, off));
        gate.Find("[data-testid=page]").ShouldNotBeNull();

        Services.GetRequiredService<NavigationManager>().NavigateTo("/prompts/morning_briefing");

        gate.WaitForAssertion(() => gate.Find("[data-testid=capability-off]").TextContent.ShouldContain("AI features is switched off"));
    }

    private IRenderedComponent<OperationsGate> RenderGate(ClaimsPrincipal user, OperationsSnapshot operations) =>
        Render<OperationsGate>(parameters => parameters
            .AddCascadingValue(StateOf(user))
            .AddCascadingValue(operations)
            .AddChildContent("<p data-testid=\"page\">the page</p>"));

    private static OperationsSnapshot Snapshot(MaintenanceStatus maintenance, params FeatureFlagState[] flags) =>
        new(maintenance, Capabilities.All.ToDictionary(
            c => c.Name,
            c => flags.FirstOrDefault(f => f.Capability == c) ?? new FeatureFlagState(c, true, null, null),
            StringComparer.OrdinalIgnoreCase));
}
