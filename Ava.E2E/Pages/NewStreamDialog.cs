using Microsoft.Playwright;

namespace Ava.E2E.Pages;

/// <summary>The "New stream" dialog of the streams list; its fields validate as the user types.</summary>
public sealed class NewStreamDialog(IPage page)
{
    public ILocator Root => page.GetByRole(AriaRole.Dialog, new() { Name = "New stream", Exact = true });

    /// <summary>The title field; its validation message is its accessible description.</summary>
    public ILocator Title => Root.GetByRole(AriaRole.Textbox, new() { Name = "Title", Exact = true });

    public ILocator Summary => Root.GetByRole(AriaRole.Textbox, new() { Name = "Summary (Markdown)", Exact = true });

    private ILocator CreateButton => Root.GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true });

    public async Task TypeTitleAsync(string title) => await Title.FillAsync(title);

    public async Task TypeSummaryAsync(string markdown) => await Summary.FillAsync(markdown);

    /// <summary>Creates the stream; the list then opens its detail page.</summary>
    public async Task CreateAsync()
    {
        await CreateButton.ClickAsync();
        await Assertions.Expect(Root).ToBeHiddenAsync();
    }
}
