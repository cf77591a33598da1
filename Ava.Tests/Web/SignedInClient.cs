using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Ava.Tests.Web;

/// <summary>HTTP clients of the app that keep cookies and show redirects instead of following them.</summary>
public static class SignedInClient
{
    public static HttpClient Anonymous(AvaAppFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client signed in through the real sign-in form; fails the test if the sign-in does not succeed.</summary>
    public static async Task<HttpClient> CreateAsync(AvaAppFactory app, string email, string password = AvaAppFactory.DemoPassword)
    {
        var client = Anonymous(app);
        using var response = await SignInForm.SubmitAsync(client, email, password, Xunit.TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"signing in as {email} did not redirect");
        response.Headers.Location?.OriginalString.ShouldNotContain("/Account/", Case.Insensitive, $"signing in as {email} did not succeed");
        return client;
    }
}
