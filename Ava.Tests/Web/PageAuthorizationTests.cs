using System.Net;
using Microsoft.AspNetCore.WebUtilities;

namespace Ava.Tests.Web;

[Collection(DashboardAppCollection.Name)]
public sealed class PageAuthorizationTests(AvaAppFactory app)
{
    private const string UsersPath = "/admin/users";
    private const string JobsPath = "/jobs";
    private const string AccessDeniedPath = "/Account/AccessDenied";
    private const string UsersTable = "aria-label=\"Users\"";

    [Theory]
    [InlineData(UsersPath)]
    [InlineData(JobsPath)]
    [InlineData("/execution")]
    [InlineData("/execution/1")]
    [InlineData("/admin/settings")]
    public async Task Get_RedirectsToAccessDenied_WhenViewerOpensAnAdminSection(string path)
    {
        using var viewer = await SignedInClient.CreateAsync(app, AvaAppFactory.ViewerEmail);

        using var response = await viewer.GetAsync(path, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = new Uri(viewer.BaseAddress!, response.Headers.Location!);
        location.AbsolutePath.ShouldBe(AccessDeniedPath);
        QueryHelpers.ParseQuery(location.Query)["ReturnUrl"].ToString().ShouldBe(path);
    }

    [Fact]
    public async Task UsersPage_EndsOnAccessDeniedWithoutTheUsersTable_WhenViewerFollowsTheRedirect()
    {
        using var viewer = await SignedInClient.CreateAsync(app, AvaAppFactory.ViewerEmail);
        using var refusal = await viewer.GetAsync(UsersPath, TestContext.Current.CancellationToken);

        using var response = await viewer.GetAsync(refusal.Headers.Location, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        body.ShouldContain("<h1>Access denied</h1>");
        body.ShouldNotContain(UsersTable);
    }

    [Fact]
    public async Task UsersPage_ShowsTheUsersTable_WhenAdminOpensIt()
    {
        using var admin = await SignedInClient.CreateAsync(app, AvaAppFactory.AdminEmail);

        using var response = await admin.GetAsync(UsersPath, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        body.ShouldContain(UsersTable);
        body.ShouldNotContain("Access denied");
    }

    [Fact]
    public async Task JobsDashboard_Opens_WhenAdminOpensIt()
    {
        using var admin = await SignedInClient.CreateAsync(app, AvaAppFactory.AdminEmail);

        using var response = await admin.GetAsync(JobsPath, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("Ava Prime jobs");
    }
}
