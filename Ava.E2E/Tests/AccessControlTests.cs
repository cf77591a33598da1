using System.Text.RegularExpressions;
using Ava.E2E.Infrastructure;
using Ava.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace Ava.E2E.Tests;

public sealed partial class AccessControlTests(DashboardFixture dashboard) : BrowserTest(dashboard)
{
    [Fact]
    public async Task UsersPage_IsRefused_WhenAViewerTypesItsAddress()
    {
        // Arrange
        var page = await OpenPageSignedInAsync(DemoUser.Viewer);
        var users = new UsersPage(page);
        var refusal = new AccessDeniedPage(page);

        // Act
        await users.GotoAsync();

        // Assert: refused, and nothing of the page or its data is shown.
        await Expect(refusal.Heading).ToBeVisibleAsync();
        await Expect(users.Heading).ToHaveCountAsync(0);
        await Expect(users.CreateUserButton).ToHaveCountAsync(0);
        await Expect(page.GetByText(DemoUser.Admin.Email)).ToHaveCountAsync(0);

        // Assert: back home, the navigation offers a Viewer no way to the Users section.
        await refusal.GoBackHomeAsync();
        var layout = new DashboardLayout(page);
        await Expect(page).ToHaveURLAsync(UrlOf(HomePage.Path));
        await Expect(layout.SectionLinks).ToHaveTextAsync(["Home", "Briefings", "Streams", "Codestones", "Health"]);
        await Expect(layout.SectionLink("Users")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AuditLog_IsRefusedAndNotOffered_WhenADeveloperTypesItsAddress()
    {
        // Arrange
        var page = await OpenPageSignedInAsync(DemoUser.Developer);
        var audit = new AuditLogPage(page);
        var refusal = new AccessDeniedPage(page);

        // Act
        await audit.GotoAsync();

        // Assert: the server sends the Developer to the refusal page; no event is shown.
        await Expect(page).ToHaveURLAsync(AccessDeniedForAuditLog());
        await Expect(refusal.Heading).ToBeVisibleAsync();
        await Expect(audit.Heading).ToHaveCountAsync(0);
        await Expect(audit.EventRows).ToHaveCountAsync(0);

        // Assert: back home, the Developer's navigation has no way to the audit log.
        await refusal.GoBackHomeAsync();
        var layout = new DashboardLayout(page);
        await Expect(page).ToHaveURLAsync(UrlOf(HomePage.Path));
        await Expect(layout.SectionLink("Workflows")).ToBeVisibleAsync();
        await Expect(layout.SectionLink("Audit log")).ToHaveCountAsync(0);
    }

    [GeneratedRegex(@"/Account/AccessDenied\?ReturnUrl=%2Faudit$")]
    private static partial Regex AccessDeniedForAuditLog();
}
