using Microsoft.Playwright;

namespace Ava.E2E.Pages;

/// <summary>The changesets list at <c>/changesets</c> (run_ai_prompts or approvers): filters and a server-paged table, newest first.</summary>
public sealed class ChangeSetsPage(IPage page)
{
    public const string Path = "/changesets";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Changesets", Level = 1, Exact = true });

    /// <summary>The changesets on the current page of the table: every row that links to one.</summary>
    public ILocator Rows => Table.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link) });

    // MudTable puts its aria-label on the element around the <table>, not on the table itself.
    private ILocator Table => page.GetByLabel("Changesets", new() { Exact = true }).GetByRole(AriaRole.Table);

    /// <summary>The table row of changeset <paramref name="id"/>.</summary>
    public ILocator Row(long id) => Rows.Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = $"Changeset #{id}", Exact = true }) });

    public ILocator Link(long id) => Table.GetByRole(AriaRole.Link, new() { Name = $"Changeset #{id}", Exact = true });

    public async Task GotoAsync()
    {
        await page.GotoAsync(Path);
        await Assertions.Expect(Heading).ToBeVisibleAsync();
        await Assertions.Expect(Rows.First).ToBeVisibleAsync();
    }

    /// <summary>Opens changeset <paramref name="id"/> from its row.</summary>
    public async Task<ChangeSetDetailPage> OpenAsync(long id)
    {
        await Link(id).ClickAsync();
        var detail = new ChangeSetDetailPage(page);
        await Assertions.Expect(detail.Heading).ToHaveTextAsync($"Changeset #{id}");
        return detail;
    }
}
