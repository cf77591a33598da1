using Ava.E2E.Infrastructure;
using Ava.E2E.Pages;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Ava.E2E.Tests;

public sealed class ApiTests(DashboardFixture dashboard) : BrowserTest(dashboard)
{
    [Fact]
    public async Task ApiTokensPage_ShowsANewTokenOnceWithACopyButton_WhenADeveloperCreatesOneFromTheUserMenu()
    {
        // Arrange
        var page = await OpenPageSignedInAsync(DemoUser.Developer);
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await page.GotoAsync(HomePage.Path);
        await new DashboardLayout(page).UserMenu.ClickWhenInteractiveAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "API tokens" }).ClickAsync();
        var tokens = new ApiTokensPage(page);
        await Expect(tokens.Heading).ToBeVisibleAsync();
        var name = $"browser test {Guid.NewGuid():N}"[..24];

        // Act
        await tokens.CreateAsync(name, DemoPassword);

        // Assert: the token once, copied by its button; the list shows its prefix only.
        await Expect(tokens.OnceWarning).ToBeVisibleAsync();
        var secret = await tokens.NewToken.InputValueAsync();
        secret.ShouldMatch("^ava_pat_[0-9A-Za-z]{40}$");
        await tokens.CopyButton.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Copied", Exact = true })).ToBeVisibleAsync();
        (await page.EvaluateAsync<string>("() => navigator.clipboard.readText()")).ShouldBe(secret);
        await Expect(tokens.Row(name)).ToContainTextAsync(secret[..14]);

        // Assert: a reload neither shows it again nor creates another token.
        await page.ReloadAsync();
        await Expect(tokens.NewToken).ToHaveCountAsync(0);
        await Expect(tokens.Row(name)).ToHaveCountAsync(1);
        (await page.ContentAsync()).ShouldNotContain(secret);
    }

    [Fact]
    public async Task ApiReference_RendersTheDocument_WithoutAContentSecurityPolicyViolation()
    {
        // Arrange
        var page = await OpenPageSignedInAsync(DemoUser.Viewer);
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };

        // Act
        await page.GotoAsync(ApiReferencePage.Path);

        // Assert
        var reference = new ApiReferencePage(page);
        await Expect(reference.Title).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(reference.Operation("The token's user")).ToBeVisibleAsync();
        violations.ShouldBeEmpty();
    }
}
