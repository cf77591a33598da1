using Ava.E2E.Infrastructure;
using Ava.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace Ava.E2E.Tests;

public sealed class UserAdministrationTests(DashboardFixture dashboard) : BrowserTest(dashboard)
{
    [Fact]
    public async Task CreateUser_GivesADeveloperWhoMustReplaceTheTemporaryPassword_WhenAnAdminCreatesThem()
    {
        // Arrange
        var email = $"developer-{Guid.NewGuid():N}@example.test";
        var newPassword = $"chosen {Guid.NewGuid():N}";
        var adminPage = await OpenPageSignedInAsync(DemoUser.Admin);
        var users = new UsersPage(adminPage);
        await users.GotoAsync();

        // Act: the admin creates the account and reads its temporary password.
        var temporaryPassword = await users.CreateUserAsync(email, "Developer");

        // Assert
        await Expect(users.Row(email)).ToContainTextAsync("Developer");

        // Act: the new user signs in with it in a browser of their own.
        var page = await OpenPageAsync();
        var login = new LoginPage(page);
        await login.GotoAsync();
        await login.SignInAsync(email, temporaryPassword);

        // Assert: held on the change page, even when asking for another one.
        var change = new ChangeTemporaryPasswordPage(page);
        await Expect(page).ToHaveURLAsync(UrlOf(ChangeTemporaryPasswordPage.Path));
        await page.GotoAsync(HomePage.Path);
        await Expect(page).ToHaveURLAsync(UrlOf(ChangeTemporaryPasswordPage.Path));
        await Expect(change.Heading).ToBeVisibleAsync();

        // Act: they choose their own password.
        await change.ReplaceTemporaryPasswordAsync(temporaryPassword, newPassword);

        // Assert: home, with a Developer's sections only.
        var home = new HomePage(page);
        await Expect(page).ToHaveURLAsync(UrlOf(HomePage.Path));
        await Expect(home.Layout.UserMenu).ToContainTextAsync(email);
        await Expect(home.Layout.UserRole).ToHaveTextAsync("Developer");
        await Expect(home.Layout.SectionLinks).ToHaveTextAsync(["Home", "Briefings", "Streams", "Codestones", "Approvals", "Changesets", "Prompts", "Workflows", "Execution", "Health"]);
        await Expect(home.Layout.SectionLink("Users")).ToHaveCountAsync(0);
        await Expect(home.Layout.SectionLink("Jobs (Hangfire)")).ToHaveCountAsync(0);
    }
}
