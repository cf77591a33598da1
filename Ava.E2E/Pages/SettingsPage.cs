using Ava.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Ava.E2E.Pages;

/// <summary>The settings page at <c>/admin/settings</c> (modify_schemas): maintenance mode, the feature flags, the configuration status.</summary>
public sealed class SettingsPage(IPage page)
{
    public const string Path = "/admin/settings";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Settings", Level = 1, Exact = true });

    /// <summary>What the maintenance section says while maintenance mode is on.</summary>
    public ILocator MaintenanceOn => page.GetByTestId("maintenance-on");

    public ILocator MaintenanceOff => page.GetByTestId("maintenance-off");

    public ILocator Flag(string name) => page.GetByTestId("feature-flag").And(page.Locator($"[data-flag='{name}']"));

    public ILocator Setting(string key) => page.GetByTestId("setting").And(page.Locator($"[data-key='{key}']"));

    /// <summary>Opens the page and waits until the live circuit has loaded maintenance mode and the flags.</summary>
    public async Task GotoAsync()
    {
        await page.GotoAsync(Path);
        await Assertions.Expect(Heading).ToBeVisibleAsync();
        await MaintenanceOff.Or(MaintenanceOn).GetByRole(AriaRole.Button).WaitUntilInteractiveAsync();
    }

    /// <summary>Types the message, switches maintenance mode on and confirms.</summary>
    public async Task SwitchMaintenanceOnAsync(string message)
    {
        await MaintenanceOff.GetByRole(AriaRole.Textbox, new() { Name = "Message" }).FillAsync(message);
        await MaintenanceOff.GetByRole(AriaRole.Button, new() { Name = "Switch on", Exact = true }).ClickWhenInteractiveAsync();
        await ConfirmAsync("Switch maintenance mode on", "Switch on");
        await Assertions.Expect(MaintenanceOn).ToBeVisibleAsync();
    }

    public async Task SwitchMaintenanceOffAsync()
    {
        await MaintenanceOn.GetByRole(AriaRole.Button, new() { Name = "Switch off", Exact = true }).ClickWhenInteractiveAsync();
        await ConfirmAsync("Switch maintenance mode off", "Switch off");
        await Assertions.Expect(MaintenanceOff).ToBeVisibleAsync();
    }

    /// <summary>Flips the switch of the flag called <paramref name="title"/> and confirms.</summary>
    public async Task SwitchFlagAsync(string title, bool on)
    {
        await page.GetByLabel(title, new() { Exact = true }).ClickAsync();
        await ConfirmAsync(on ? "Switch on" : "Switch off", on ? "Switch on" : "Switch off");
    }

    private async Task ConfirmAsync(string title, string button)
    {
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = title, Exact = true });
        await dialog.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
    }
}
