using Ava.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Ava.E2E.Pages;

/// <summary>
/// The execution queue at <c>/execution</c> (view_execution_queue): the queue and history of command runs;
/// an Admin (execute_commands) runs an allow-listed command from the "Run a command" dialog.
/// </summary>
public sealed class ExecutionPage(IPage page)
{
    public const string Path = "/execution";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Execution queue", Level = 1, Exact = true });

    public ILocator RunButton => page.GetByRole(AriaRole.Button, new() { Name = "Run a command", Exact = true });

    /// <summary>The rows of the runs table (MudTable puts its label on the element around the table).</summary>
    public ILocator Runs => page.GetByLabel("Command runs", new() { Exact = true }).GetByRole(AriaRole.Table).Locator("tbody tr");

    private ILocator Dialog => page.GetByRole(AriaRole.Dialog, new() { Name = "Run a command", Exact = true });

    /// <summary>Opens the page and waits until the live circuit has loaded the runs.</summary>
    public async Task GotoAsync()
    {
        await page.GotoAsync(Path);
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Requested by", Exact = true }).WaitUntilInteractiveAsync();
        await Assertions.Expect(page.GetByText("Loading runs…")).ToHaveCountAsync(0);
    }

    /// <summary>Runs <paramref name="command"/> with the given values (by argument name) and waits for its page.</summary>
    public async Task RunAsync(string command, IReadOnlyDictionary<string, string> values)
    {
        await RunButton.ClickWhenInteractiveAsync();
        await Dialog.GetByRole(AriaRole.Combobox, new() { Name = "Command" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = command, Exact = true }).ClickAsync();
        foreach (var (name, value) in values)
        {
            await Dialog.GetByRole(AriaRole.Textbox, new() { Name = name, Exact = true }).FillAsync(value);
        }

        await Assertions.Expect(Dialog.GetByTestId("command-preview")).ToContainTextAsync(string.Join(' ', values.Values));
        await Dialog.GetByRole(AriaRole.Button, new() { Name = "Run", Exact = true }).ClickAsync();
        await Assertions.Expect(Dialog).ToBeHiddenAsync();
    }
}
