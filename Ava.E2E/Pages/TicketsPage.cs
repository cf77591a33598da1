using Microsoft.Playwright;

namespace Ava.E2E.Pages;

/// <summary>The helpdesk tickets list at <c>/tickets</c> (approvers): status and priority filters, newest first.</summary>
public sealed class TicketsPage(IPage page)
{
    public const string Path = "/tickets";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Helpdesk tickets", Level = 1, Exact = true });

    public ILocator Rows => Table.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link) });

    private ILocator Table => page.GetByLabel("Tickets", new() { Exact = true }).GetByRole(AriaRole.Table);

    public ILocator Link(string number) => Table.GetByRole(AriaRole.Link, new() { Name = number, Exact = true });

    public async Task GotoAsync()
    {
        await page.GotoAsync(Path);
        await Assertions.Expect(Heading).ToBeVisibleAsync();
    }

    /// <summary>Opens the ticket numbered <paramref name="number"/> from its row.</summary>
    public async Task<TicketDetailPage> OpenAsync(string number)
    {
        await Link(number).ClickAsync();
        var detail = new TicketDetailPage(page);
        await Assertions.Expect(detail.Heading).ToHaveTextAsync(number);
        return detail;
    }
}
