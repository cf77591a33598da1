using Microsoft.Playwright;

namespace Ava.E2E.Pages;

/// <summary>The prompt templates at <c>/prompts</c>.</summary>
public sealed class PromptsPage(IPage page)
{
    public const string Path = "/prompts";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Prompt templates", Level = 1, Exact = true });

    public ILocator Provider => page.GetByTestId("ai-provider");

    public async Task GotoAsync()
    {
        await page.GotoAsync(Path);
        await Assertions.Expect(Heading).ToBeVisibleAsync();
    }

    /// <summary>A template's link in the list.</summary>
    public ILocator Link(string name) => page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });
}
