using Ava.E2E.Infrastructure;
using Ava.E2E.Pages;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Ava.E2E.Tests;

public sealed class SignInTests(DashboardFixture dashboard) : BrowserTest(dashboard)
{
    private static readonly string[] AllSections =
        ["Home", "Briefings", "Streams", "Codestones", "Approvals", "Changesets", "Tickets", "Prompts", "Workflows", "Execution", "Health", "Audit log", "Users", "Settings", "Jobs (Hangfire)"];

    public static TheoryData<string, string[]> SectionsByRole => new()
    {
        { "Viewer", ["Home", "Briefings", "Streams", "Codestones", "Health"] },
        { "Developer", ["Home", "Briefings", "Streams", "Codestones", "Approvals", "Changesets", "Prompts", "Workflows", "Execution", "Health"] },
        { "Admin", AllSections },
    };

    [Theory]
    [MemberData(nameof(SectionsByRole))]
    public async Task SignIn_ShowsExactlyTheRolesSections_WhenADemoUserSignsInThroughTheForm(string role, string[] sections)
    {
        // Arrange
        var user = DemoUser.WithRole(role);
        var page = await OpenPageAsync();
        var login = new LoginPage(page);
        await login.GotoAsync();

        // Act
        await login.SignInAsync(user.Email, DemoPassword);

        // Assert
        var home = new HomePage(page);
        await Expect(page).ToHaveURLAsync(UrlOf(HomePage.Path));
        await Expect(home.Welcome).ToHaveTextAsync($"Welcome, {user.Email}");
        await Expect(home.Layout.Title).ToBeVisibleAsync();
        await Expect(home.Layout.DemoBadge).ToHaveTextAsync("demo");
        await Expect(home.Layout.UserMenu).ToContainTextAsync(user.Email);
        await Expect(home.Layout.UserRole).ToHaveTextAsync(role);
        await Expect(home.Layout.SectionLinks).ToHaveTextAsync(DashboardLayout.SectionTexts(sections));
        foreach (var hidden in AllSections.Except(sections))
        {
            await Expect(home.Layout.SectionLink(hidden)).ToHaveCountAsync(0);
        }

        // The screenshot shows the page once the circuit has taken over, as a person would see it.
        await home.Layout.UserMenu.WaitUntilInteractiveAsync();
        var screenshot = Path.Combine(TestArtifacts.Folder("screenshots"), $"home-{role.ToLowerInvariant()}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        Output.WriteLine($"Home page of the {role}: {screenshot}");
    }

    [Theory]
    [InlineData("viewer@ava.local", "wrong password, long enough")]
    [InlineData("nobody@ava.local", "any password, long enough")]
    public async Task SignIn_ShowsTheGenericErrorAndStaysSignedOut_WhenTheCredentialsAreWrong(string email, string password)
    {
        // Arrange
        var page = await OpenPageAsync();
        var login = new LoginPage(page);
        await login.GotoAsync();

        // Act
        await login.SignInAsync(email, password);

        // Assert
        await Expect(login.Error).ToContainTextAsync("The email or password is not correct.");
        await Expect(page).ToHaveURLAsync(UrlOf(LoginPage.Path));
        await Expect(login.Heading).ToBeVisibleAsync();
        (await page.Context.CookiesAsync()).ShouldNotContain(cookie => cookie.Name == "Ava.Session");
    }

    [Fact]
    public async Task SignInPage_LoadsEveryStylesheetAndScript_WhenNobodyIsSignedIn()
    {
        // Arrange
        var page = await OpenPageAsync();
        var login = new LoginPage(page);
        await login.GotoAsync();
        await Expect(login.Heading).ToBeVisibleAsync();

        // Act
        var assets = await page.Locator("link[rel=stylesheet], script[src]")
            .EvaluateAllAsync<string[]>("elements => elements.map(element => element.href || element.src)");

        // Assert
        assets.ShouldNotBeEmpty();
        foreach (var asset in assets)
        {
            var response = await page.APIRequest.GetAsync(asset, new APIRequestContextOptions { MaxRedirects = 0 });
            await Expect(response).ToBeOKAsync();
        }
    }
}
