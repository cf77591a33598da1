using Microsoft.Playwright;

namespace Ava.E2E.Pages;

/// <summary>The static sign-in form at <c>/Account/Login</c>.</summary>
public sealed class LoginPage(IPage page)
{
    public const string Path = "/Account/Login";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Level = 1 });

    /// <summary>The message for any failed sign-in; it does not say whether the account exists.</summary>
    public ILocator Error => page.GetByRole(AriaRole.Alert);

    public ILocator SignedOutNotice => page.GetByRole(AriaRole.Status).Filter(new() { HasText = "You have signed out." });

    public async Task GotoAsync() => await page.GotoAsync(Path);

    public async Task SignInAsync(string email, string password)
    {
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }
}
