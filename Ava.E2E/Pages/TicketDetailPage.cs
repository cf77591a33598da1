using Ava.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Ava.E2E.Pages;

/// <summary>One ticket at <c>/tickets/{id}</c>: its facts, its Markdown body and the button that moves it to its next status.</summary>
public sealed class TicketDetailPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>The priority and status chips.</summary>
    public ILocator Facts => page.GetByTestId("ticket-facts");

    /// <summary>The body, rendered from Markdown.</summary>
    public ILocator Body => page.GetByTestId("ticket-body");

    public ILocator StartWorkButton => Action("Start work");

    public ILocator ResolveButton => Action("Resolve");

    /// <summary>Moves an open ticket to In progress, confirming in the dialog.</summary>
    public async Task StartWorkAsync()
    {
        await StartWorkButton.ClickWhenInteractiveAsync();
        var confirm = page.GetByRole(AriaRole.Dialog, new() { Name = "Start work", Exact = true });
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Start work", Exact = true }).ClickAsync();
        await Assertions.Expect(confirm).ToBeHiddenAsync();
    }

    private ILocator Action(string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });
}
