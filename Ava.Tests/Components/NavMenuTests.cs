using System.Security.Claims;
using Ava.Dashboard.Components.Layout;
using Ava.Domain.Security;
using Bunit;

namespace Ava.Tests.Components;

public class NavMenuTests : DashboardTestContext
{
    public static TheoryData<string, string[]> SectionsByRole => new()
    {
        { Roles.Admin, ["/", "/streams", "/codestones", "/workflows", "/audit", "/admin/users", "/jobs"] },
        { Roles.Developer, ["/", "/streams", "/codestones", "/workflows"] },
        { Roles.Viewer, ["/", "/streams", "/codestones"] },
    };

    [Theory]
    [MemberData(nameof(SectionsByRole))]
    public void Render_ShowsExactlyTheRolesSections(string role, string[] expected)
    {
        var menu = RenderMenu(UserInRole(role));

        Hrefs(menu).ShouldBe(expected);
    }

    [Fact]
    public void Render_ShowsNothing_ForAnonymousUser()
    {
        var menu = RenderMenu(new ClaimsPrincipal(new ClaimsIdentity()));

        Hrefs(menu).ShouldBeEmpty();
    }

    [Fact]
    public void Render_ShowsNothing_ForSignedInUserWithoutRole()
    {
        var menu = RenderMenu(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "nobody")], "Test")));

        Hrefs(menu).ShouldBeEmpty();
    }

    [Fact]
    public void Render_DoesNotAddAdminSections_ForViewerHoldingApproverClaim()
    {
        var menu = RenderMenu(Approver(Roles.Viewer));

        Hrefs(menu).ShouldBe(["/", "/streams", "/codestones"]);
    }

    [Fact]
    public void Render_MarksHangfireLinkAsFullPageLoad_ForAdmin()
    {
        var menu = RenderMenu(UserInRole(Roles.Admin));

        var jobs = menu.FindAll("a").Single(a => a.GetAttribute("href") == "/jobs");
        jobs.TextContent.ShouldContain("Jobs");
    }

    private IRenderedComponent<NavMenu> RenderMenu(ClaimsPrincipal user) =>
        Render<NavMenu>(parameters => parameters.AddCascadingValue(StateOf(user)));

    private static string[] Hrefs(IRenderedComponent<NavMenu> menu) =>
        menu.FindAll("a").Select(a => a.GetAttribute("href") ?? "").ToArray();
}
