using System.Net;
using Microsoft.AspNetCore.WebUtilities;

namespace Ava.Tests.Web;

[Collection(DashboardAppCollection.Name)]
public sealed class AnonymousAccessTests(AvaAppFactory app)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/admin/users")]
    public async Task Get_RedirectsToSignInWithReturnUrl_WhenNotSignedIn(string path)
    {
        using var client = SignedInClient.Anonymous(app);

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = new Uri(client.BaseAddress!, response.Headers.Location!);
        location.AbsolutePath.ShouldBe(SignInForm.Path);
        QueryHelpers.ParseQuery(location.Query)["ReturnUrl"].ToString().ShouldBe(path);
    }

    [Fact]
    public async Task QuickHealth_AnswersOkWithEmptyBody_WhenNotSignedIn()
    {
        using var client = SignedInClient.Anonymous(app);

        using var response = await client.GetAsync("/health/quick", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
    }
}
