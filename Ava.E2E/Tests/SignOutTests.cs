using System.Text.RegularExpressions;
using Ava.E2E.Infrastructure;
using Ava.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace Ava.E2E.Tests;

public sealed partial class SignOutTests(DashboardFixture dashboard) : BrowserTest(dashboard)
{
    [Fact]
    public async Task SignOut_ReturnsToSignInAndEndsTheSession_WhenTheUserSignsOutFromTheUserMenu()
    {
        // Arrange: a session of its own, so signing out cannot touch the saved sign-ins other tests use.
        var page = await OpenPageAsync();
        var login = new LoginPage(page);
        await login.GotoAsync();
        await login.SignInAsync(DemoUser.Developer.Email, DemoPassword);
        var layout = new DashboardLayout(page);
        await Expect(layout.UserMenu).ToBeVisibleAsync();

        // Act
        await layout.SignOutAsync();

        // Assert
        await Expect(page).ToHaveURLAsync(UrlOf($"{LoginPage.Path}?signedOut=1"));
        await Expect(login.SignedOutNotice).ToBeVisibleAsync();

        await page.GotoAsync(HomePage.Path);
        await Expect(page).ToHaveURLAsync(SignInForHomePage());
        await Expect(login.Heading).ToBeVisibleAsync();
        await Expect(layout.UserMenu).ToHaveCountAsync(0);
    }

    [GeneratedRegex(@"/Account/Login\?ReturnUrl=%2F$")]
    private static partial Regex SignInForHomePage();
}
