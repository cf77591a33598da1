using Ava.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Ava.E2E.Pages;

/// <summary>One stream at <c>/streams/{id}</c>: its facts, its rendered Markdown summary and, for editors, its actions.</summary>
public sealed class StreamDetailPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>The chips with status, priority, source, ECL score and tags.</summary>
    public ILocator Facts => page.GetByTestId("stream-facts");

    /// <summary>The chip among the facts that reads <paramref name="text"/>, such as the status.</summary>
    public ILocator FactChip(string text) => Facts.Locator(".mud-chip").Filter(new() { HasText = text });

    /// <summary>The summary, rendered from Markdown to HTML.</summary>
    public ILocator Summary => page.GetByTestId("stream-summary");

    public ILocator EditButton => Action("Edit");

    public ILocator ArchiveButton => Action("Archive");

    public ILocator UnarchiveButton => Action("Unarchive");

    public ILocator DeleteButton => Action("Delete");

    public async Task GotoAsync(string address) => await page.GotoAsync(address);

    public async Task UnarchiveAsync()
    {
        await UnarchiveButton.ClickWhenInteractiveAsync();
        await Assertions.Expect(ArchiveButton).ToBeVisibleAsync();
    }

    private ILocator Action(string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });
}
