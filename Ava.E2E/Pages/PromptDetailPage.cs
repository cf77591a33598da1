using Ava.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Ava.E2E.Pages;

/// <summary>
/// One template at <c>/prompts/{name}</c>: its versions with their actions, the activation history, the
/// comparison of two versions, metrics and runs; the dialogs to create and activate a version.
/// </summary>
public sealed class PromptDetailPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator ActiveVersion => page.GetByTestId("active-version");

    public ILocator ActivationHistory => page.GetByLabel("Activation history", new() { Exact = true });

    /// <summary>The lines the comparison marks as added, over every section.</summary>
    public ILocator AddedLines => page.Locator("ins.text-diff-line");

    public ILocator RemovedLines => page.Locator("del.text-diff-line");

    private ILocator NewVersionDialog => page.GetByRole(AriaRole.Dialog).Filter(new() { HasText = "Starts from" });

    private ILocator ActivateDialog => page.GetByRole(AriaRole.Dialog).Filter(new() { HasText = "is how a version is rolled back" });

    public async Task GotoAsync(string name)
    {
        await page.GotoAsync($"/prompts/{name}");
        await Assertions.Expect(Heading).ToHaveTextAsync(name);
    }

    /// <summary>Creates a version from the active one with a new system context, and waits for it in the versions table.</summary>
    public async Task CreateVersionAsync(string version, string changelog, string systemContext)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "New version", Exact = true }).ClickWhenInteractiveAsync();
        await NewVersionDialog.GetByLabel("Version", new() { Exact = true }).FillAsync(version);
        await NewVersionDialog.GetByLabel("Changelog", new() { Exact = true }).FillAsync(changelog);
        await NewVersionDialog.GetByLabel("System context", new() { Exact = true }).FillAsync(systemContext);
        await NewVersionDialog.GetByRole(AriaRole.Button, new() { Name = "Create version", Exact = true }).ClickAsync();
        await Assertions.Expect(NewVersionDialog).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Activate {version}", Exact = true })).ToBeVisibleAsync();
    }

    /// <summary>Compares a version with the active one from its row; the Compare tab opens with the diff.</summary>
    public async Task CompareWithActiveAsync(string version)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"Compare {version} with the active version", Exact = true }).ClickWhenInteractiveAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Compare", Exact = true })).ToHaveAttributeAsync("aria-selected", "true");
    }

    /// <summary>The per-version metrics table of the Metrics tab.</summary>
    public ILocator MetricsTable => page.GetByLabel("Metrics per version", new() { Exact = true });

    public async Task ShowMetricsAsync() => await page.GetByRole(AriaRole.Tab, new() { Name = "Metrics", Exact = true }).ClickWhenInteractiveAsync();

    public async Task ShowVersionsAsync() => await page.GetByRole(AriaRole.Tab, new() { Name = "Versions", Exact = true }).ClickWhenInteractiveAsync();

    /// <summary>Activates a version with a reason, confirming in the dialog.</summary>
    public async Task ActivateAsync(string version, string reason)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"Activate {version}", Exact = true }).ClickWhenInteractiveAsync();
        var activate = ActivateDialog.GetByRole(AriaRole.Button, new() { Name = "Activate", Exact = true });
        await Assertions.Expect(activate).ToBeDisabledAsync();
        await ActivateDialog.GetByLabel("Reason", new() { Exact = true }).FillAsync(reason);
        await ActivateDialog.GetByRole(AriaRole.Checkbox).CheckAsync();
        await activate.ClickAsync();
        await Assertions.Expect(ActivateDialog).ToHaveCountAsync(0);
    }
}
