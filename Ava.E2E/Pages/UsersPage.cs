using Ava.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Ava.E2E.Pages;

/// <summary>User administration at <c>/admin/users</c> (manage_users).</summary>
public sealed class UsersPage(IPage page)
{
    public const string Path = "/admin/users";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Users", Level = 1, Exact = true });

    public ILocator CreateUserButton => page.GetByRole(AriaRole.Button, new() { Name = "Create user", Exact = true });

    private ILocator CreateUserDialog => page.GetByRole(AriaRole.Dialog, new() { Name = "Create user" });

    public ILocator Row(string email) =>
        page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = email, Exact = true }) });

    public async Task GotoAsync() => await page.GotoAsync(Path);

    /// <summary>Creates a user through the "Create user" dialog and returns the temporary password it shows once.</summary>
    public async Task<string> CreateUserAsync(string email, string role)
    {
        await CreateUserButton.ClickWhenInteractiveAsync();
        var dialog = CreateUserDialog;
        await dialog.GetByLabel("Email").FillAsync(email);
        await dialog.GetByRole(AriaRole.Combobox, new() { Name = "Role" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = role, Exact = true }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true }).ClickAsync();

        var temporaryPassword = dialog.GetByTestId("temporary-password");
        await Assertions.Expect(temporaryPassword).ToBeVisibleAsync();
        var password = await temporaryPassword.InputValueAsync();

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Done", Exact = true }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        return password;
    }
}
