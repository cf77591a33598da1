using Microsoft.Playwright;

namespace Ava.E2E.Pages;

/// <summary>The account page for personal access tokens at <c>/Account/Manage/ApiTokens</c>.</summary>
public sealed class ApiTokensPage(IPage page)
{
    public const string Path = "/Account/Manage/ApiTokens";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "API tokens", Exact = true });

    /// <summary>The just-created token, shown once.</summary>
    public ILocator NewToken => page.GetByLabel("Your new API token");

    public ILocator CopyButton => page.GetByRole(AriaRole.Button, new() { Name = "Copy", Exact = true });

    public ILocator OnceWarning => page.GetByText("Copy it now: you will not see it again.");

    public ILocator TokenTable => page.GetByRole(AriaRole.Table, new() { Name = "Your API tokens" });

    public ILocator Row(string name) => TokenTable.GetByRole(AriaRole.Row).Filter(new() { HasText = name });

    /// <summary>Fills the form and creates the token; the page asks for the password again.</summary>
    public async Task CreateAsync(string name, string password)
    {
        await page.GetByLabel("Name (what will use it").FillAsync(name);
        await page.GetByLabel("Your password, to confirm it is you").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create token", Exact = true }).ClickAsync();
    }
}
