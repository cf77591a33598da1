using System.Security.Claims;
using Ava.Dashboard.Components.Layout;
using Ava.Domain.Security;
using Ava.Domain.Settings;
using Ava.Infrastructure.Settings;
using Ava.Tests.TestData;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Ava.Tests.TestData.ApprovalScenario;

namespace Ava.Tests.Components;

public class NavMenuTests : DashboardTestContext
{
    public static TheoryData<string, string[]> SectionsByRole => new()
    {
        { Roles.Admin, ["/", "/briefings", "/streams", "/codestones", "/approvals", "/changesets", "/tickets", "/prompts", "/workflows", "/execution", "/health", "/audit", "/admin/users", "/admin/settings", "/jobs"] },
        { Roles.Developer, ["/", "/briefings", "/streams", "/codestones", "/approvals", "/changesets", "/prompts", "/workflows", "/execution", "/health"] },
        { Roles.Viewer, ["/", "/briefings", "/streams", "/codestones", "/health"] },
    };

    [Theory]
    [MemberData(nameof(SectionsByRole))]
    public async Task Render_ShowsExactlyTheRolesSections(string role, string[] expected)
    {
        var menu = await RenderMenuAsync(UserInRole(role));

        Hrefs(menu).ShouldBe(expected);
    }

    [Fact]
    public async Task Render_ShowsNothing_ForAnonymousUser()
    {
        var menu = await RenderMenuAsync(new ClaimsPrincipal(new ClaimsIdentity()));

        Hrefs(menu).ShouldBeEmpty();
    }

    [Fact]
    public async Task Render_ShowsNothing_ForSignedInUserWithoutRole()
    {
        var menu = await RenderMenuAsync(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "nobody")], "Test")));

        Hrefs(menu).ShouldBeEmpty();
    }

    [Fact]
    public async Task Render_AddsOnlyTheApprovalSections_ForViewerHoldingApproverClaim()
    {
        var menu = await RenderMenuAsync(Approver(Roles.Viewer));

        Hrefs(menu).ShouldBe(["/", "/briefings", "/streams", "/codestones", "/approvals", "/changesets", "/tickets", "/health"]);
    }

    [Fact]
    public async Task Render_LeavesOutTheSectionsOfASwitchedOffCapability()
    {
        await UseDatabaseAsync();
        var off = new FeatureFlagState(Capabilities.CommandExecution, false, "admin@ava.local", DateTimeOffset.UtcNow);
        var on = new FeatureFlagState(Capabilities.AiFeatures, true, null, null);
        var briefings = new FeatureFlagState(Capabilities.Briefings, false, "admin@ava.local", DateTimeOffset.UtcNow);
        var operations = new OperationsSnapshot(MaintenanceStatus.Off,
            new Dictionary<string, FeatureFlagState> { [off.Capability.Name] = off, [on.Capability.Name] = on, [briefings.Capability.Name] = briefings });

        var menu = Render<NavMenu>(parameters => parameters.AddCascadingValue(StateOf(UserInRole(Roles.Admin))).AddCascadingValue(operations));

        Hrefs(menu).ShouldNotContain("/execution");
        Hrefs(menu).ShouldNotContain("/briefings");
        Hrefs(menu).ShouldContain("/prompts");
        Hrefs(menu).ShouldContain("/workflows");
    }

    [Fact]
    public async Task Render_MarksHangfireLinkAsFullPageLoad_ForAdmin()
    {
        var menu = await RenderMenuAsync(UserInRole(Roles.Admin));

        var jobs = menu.FindAll("a").Single(a => a.GetAttribute("href") == "/jobs");
        jobs.TextContent.ShouldContain("Jobs");
        jobs.GetAttribute("target").ShouldBe("_top", "the Hangfire dashboard is not a page of the app: a full page load, which Blazor does not intercept");
        Link(menu, "/streams").HasAttribute("target").ShouldBeFalse();
    }

    [Fact]
    public async Task CurrentSection_IsMarkedActive_AndFollowsNavigation()
    {
        var menu = await RenderMenuAsync(UserInRole(Roles.Admin));
        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();

        navigation.NavigateTo("/streams/42?tab=history");

        menu.WaitForAssertion(() => Active(menu).ShouldBe(["/streams"]));
        Link(menu, "/streams").GetAttribute("aria-current").ShouldBe("page");
        Link(menu, "/").HasAttribute("aria-current").ShouldBeFalse();

        navigation.NavigateTo("/");

        menu.WaitForAssertion(() => Active(menu).ShouldBe(["/"]));
    }

    [Fact]
    public async Task Section_IsNotActive_ForAnAddressThatOnlyStartsLikeIt()
    {
        var menu = await RenderMenuAsync(UserInRole(Roles.Admin));

        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo("/streamsarchive");

        menu.WaitForAssertion(() => Active(menu).ShouldBeEmpty());
    }

    [Fact]
    public async Task ChoosingASection_TellsTheLayout_SoThatADrawerOverThePageCloses()
    {
        var db = await UseDatabaseAsync();
        db.User = UserInRole(Roles.Viewer);
        var chosen = 0;

        var menu = Render<NavMenu>(parameters => parameters.AddCascadingValue(StateOf(db.User)).Add(m => m.OnNavigate, () => chosen++));
        await Link(menu, "/streams").ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());

        chosen.ShouldBe(1);
    }

    private static string[] Active(IRenderedComponent<NavMenu> menu) =>
        menu.FindAll("a.active").Select(a => a.GetAttribute("href") ?? "").ToArray();

    [Fact]
    public async Task Render_ShowsThePendingCountOnApprovals_ForAnApprover()
    {
        var db = await UseDatabaseAsync();
        var scenario = new ApprovalScenario(db);
        var stream = await scenario.CreateStreamAsync();
        await scenario.SubmitAsync(0.9, UpdateStream(stream.Id, ("status", "Refined")));
        await scenario.SubmitAsync(0.5, UpdateStream(stream.Id, ("priority", "High")));
        await scenario.SubmitAsync(0.1, UpdateStream(stream.Id, ("priority", "Low")));
        scenario.AsAdmin();

        var menu = Render<NavMenu>(parameters => parameters.AddCascadingValue(StateOf(db.User)));

        menu.WaitForAssertion(() => Link(menu, "/approvals").QuerySelector("[data-testid=pending-approvals]").ShouldNotBeNull().TextContent.ShouldBe(", 2 pending"));
        menu.FindAll("[data-testid=pending-approvals]").ShouldHaveSingleItem();
        Link(menu, "/approvals").TextContent.ShouldBe("Approvals, 2 pending", "the link's whole text, as a screen reader reads it");
    }

    [Fact]
    public async Task Render_ShowsNoCountAndAsksNoCount_ForADeveloper()
    {
        var db = await UseDatabaseAsync();
        var scenario = new ApprovalScenario(db);
        var stream = await scenario.CreateStreamAsync();
        await scenario.SubmitAsync(0.9, UpdateStream(stream.Id, ("status", "Refined")));
        scenario.AsDeveloper();

        var menu = Render<NavMenu>(parameters => parameters.AddCascadingValue(StateOf(db.User)));

        Link(menu, "/approvals").TextContent.ShouldBe("Approvals");
        menu.FindAll("[data-testid=pending-approvals]").ShouldBeEmpty();
        await using var context = db.NewContext();
        (await context.AuditEvents.CountAsync(e => e.Action == SecurityAuditActions.Violation, Xunit.TestContext.Current.CancellationToken)).ShouldBe(0);
    }

    [Fact]
    public async Task PendingCount_FollowsWithoutReload_WhenARecommendationIsSubmitted()
    {
        var db = await UseDatabaseAsync();
        var scenario = new ApprovalScenario(db);
        var stream = await scenario.CreateStreamAsync();
        await scenario.SubmitAsync(0.9, UpdateStream(stream.Id, ("status", "Refined")));
        scenario.AsAdmin();
        var menu = Render<NavMenu>(parameters => parameters.AddCascadingValue(StateOf(db.User)));
        menu.WaitForAssertion(() => menu.Find("[data-testid=pending-approvals]").TextContent.ShouldBe(", 1 pending"));

        await scenario.SubmitAsync(0.8, UpdateStream(stream.Id, ("priority", "Now")));

        menu.WaitForAssertion(() => menu.Find("[data-testid=pending-approvals]").TextContent.ShouldBe(", 2 pending"), TimeSpan.FromSeconds(5));
    }

    // Approvers' menus count pending recommendations, so every menu here has the real services behind it.
    private async Task<IRenderedComponent<NavMenu>> RenderMenuAsync(ClaimsPrincipal user)
    {
        var db = await UseDatabaseAsync();
        db.User = user;
        return Render<NavMenu>(parameters => parameters.AddCascadingValue(StateOf(user)));
    }

    private static AngleSharp.Dom.IElement Link(IRenderedComponent<NavMenu> menu, string href) =>
        menu.FindAll("a").Single(a => a.GetAttribute("href") == href);

    private static string[] Hrefs(IRenderedComponent<NavMenu> menu) =>
        menu.FindAll("a").Select(a => a.GetAttribute("href") ?? "").ToArray();
}
