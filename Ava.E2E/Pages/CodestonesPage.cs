using Ava.Dashboard.Components.Shared.Labels;
using Ava.Domain.Codestones;
using Ava.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Ava.E2E.Pages;

/// <summary>The codestones list at <c>/codestones</c> (view_codestones).</summary>
public sealed class CodestonesPage(IPage page)
{
    public const string Path = "/codestones";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Codestones", Level = 1, Exact = true });

    // MudTable puts its aria-label on the element around the <table>, not on the table itself.
    private ILocator Table => page.GetByLabel("Codestones", new() { Exact = true }).GetByRole(AriaRole.Table);

    private ILocator Rows => Table.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link) });

    private ILocator SearchBox => page.GetByRole(AriaRole.Textbox, new() { Name = "Search title and code", Exact = true });

    public async Task GotoAsync()
    {
        await page.GotoAsync(Path);
        await SearchBox.WaitUntilInteractiveAsync();
    }

    /// <summary>Shows only codestones in <paramref name="language"/> and waits until the table does.</summary>
    public async Task FilterByLanguageAsync(CodeLanguage language)
    {
        var label = CodestoneLabels.Of(language);

        // Once a value is chosen, MudSelect's handlers sit around the combobox rather than on it: wait for the
        // circuit on the search box instead.
        await SearchBox.WaitUntilInteractiveAsync();
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Language", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = label, Exact = true }).ClickAsync();

        var otherLanguage = Rows.Filter(new() { HasNot = page.GetByRole(AriaRole.Cell, new() { Name = label, Exact = true }) });
        await Assertions.Expect(Rows.First).ToBeVisibleAsync();
        await Assertions.Expect(otherLanguage).ToHaveCountAsync(0);
    }

    /// <summary>Opens the codestone in the top row and returns its title.</summary>
    public async Task<string> OpenTopCodestoneAsync()
    {
        var link = Rows.First.GetByRole(AriaRole.Link);
        var title = await link.InnerTextAsync();
        await link.ClickAsync();
        return title.Trim();
    }
}
