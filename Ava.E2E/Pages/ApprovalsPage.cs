using Ava.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Ava.E2E.Pages;

/// <summary>
/// The approvals queue at <c>/approvals</c> (run_ai_prompts or approver): band counts that filter, the filter
/// bar, and a server-paged table of recommendations, pending ones first by default.
/// </summary>
public sealed class ApprovalsPage(IPage page)
{
    public const string Path = "/approvals";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Approvals", Level = 1, Exact = true });

    /// <summary>The recommendations on the current page of the table: every row that links to one.</summary>
    public ILocator Rows => Table.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link) });

    // MudTable puts its aria-label on the element around the <table>, not on the table itself.
    private ILocator Table => page.GetByLabel("Recommendations", new() { Exact = true }).GetByRole(AriaRole.Table);

    private ILocator QuickFilters => page.GetByRole(AriaRole.Group, new() { Name = "Quick filters", Exact = true });

    /// <summary>The row whose target is <paramref name="targetTitle"/>.</summary>
    public ILocator Row(string targetTitle) =>
        Rows.Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = targetTitle, Exact = true }) });

    /// <summary>A band's count button: "Ready", "Needs review" or "Escalated".</summary>
    public ILocator BandFilter(string band) => QuickFilters.GetByRole(AriaRole.Button).Filter(new() { HasText = band });

    public async Task GotoAsync()
    {
        await page.GotoAsync(Path);
        await BandFilter("Ready").WaitUntilInteractiveAsync();
    }

    /// <summary>Opens the recommendation for <paramref name="targetTitle"/> by its link and returns the address it links to.</summary>
    public async Task<string> OpenAsync(string targetTitle)
    {
        var link = Row(targetTitle).GetByRole(AriaRole.Link, new() { Name = targetTitle, Exact = true });
        var address = await link.GetAttributeAsync("href") ?? throw new InvalidOperationException($"The row of {targetTitle} links nowhere.");
        await link.ClickAsync();
        return address;
    }
}
