using Microsoft.Playwright;

namespace Ava.E2E.Pages;

/// <summary>What a signed-in user sees instead of a section their role does not include.</summary>
public sealed class AccessDeniedPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Access denied", Level = 1 });

    public async Task GoBackHomeAsync() =>
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the home page", Exact = true }).ClickAsync();
}
