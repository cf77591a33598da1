using System.Net;

namespace Ava.Tests.Web;

/// <summary>specification §9b: the approvals queue and changesets for run_ai_prompts or approvers, tickets for approvers only.</summary>
[Collection(DashboardAppCollection.Name)]
public sealed class ApprovalPagesAuthorizationTests(AvaAppFactory app)
{
    private const string AccessDeniedPath = "/Account/AccessDenied";

    [Theory]
    [InlineData(AvaAppFactory.ViewerEmail, "/approvals")]
    [InlineData(AvaAppFactory.ViewerEmail, "/approvals/1")]
    [InlineData(AvaAppFactory.ViewerEmail, "/changesets")]
    [InlineData(AvaAppFactory.ViewerEmail, "/changesets/1")]
    [InlineData(AvaAppFactory.ViewerEmail, "/tickets")]
    [InlineData(AvaAppFactory.DeveloperEmail, "/tickets")]
    [InlineData(AvaAppFactory.DeveloperEmail, "/tickets/1")]
    public async Task Get_RedirectsToAccessDenied_WhenTheUserMayNotSeeThePage(string email, string path)
    {
        using var user = await SignedInClient.CreateAsync(app, email);

        using var response = await user.GetAsync(path, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        new Uri(user.BaseAddress!, response.Headers.Location!).AbsolutePath.ShouldBe(AccessDeniedPath);
    }

    [Theory]
    [InlineData(AvaAppFactory.DeveloperEmail, "/approvals", "aria-label=\"Recommendations\"")]
    [InlineData(AvaAppFactory.DeveloperEmail, "/changesets", "aria-label=\"Changesets\"")]
    [InlineData(AvaAppFactory.AdminEmail, "/changesets", "aria-label=\"Changesets\"")]
    [InlineData(AvaAppFactory.AdminEmail, "/tickets", "aria-label=\"Tickets\"")]
    public async Task Get_ShowsTheList_WhenTheUserMaySeeIt(string email, string path, string table)
    {
        using var user = await SignedInClient.CreateAsync(app, email);

        using var response = await user.GetAsync(path, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain(table);
    }
}
