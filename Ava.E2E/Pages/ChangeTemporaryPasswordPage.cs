using Microsoft.Playwright;

namespace Ava.E2E.Pages;

/// <summary>The page a user signed in with a temporary password is held on until they choose their own.</summary>
public sealed class ChangeTemporaryPasswordPage(IPage page)
{
    public const string Path = "/Account/ChangeTemporaryPassword";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Choose a new password", Level = 1 });

    public async Task ReplaceTemporaryPasswordAsync(string temporaryPassword, string newPassword)
    {
        await page.GetByLabel("Temporary password", new() { Exact = true }).FillAsync(temporaryPassword);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync(newPassword);
        await page.GetByLabel("Confirm new password", new() { Exact = true }).FillAsync(newPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue", Exact = true }).ClickAsync();
    }
}
