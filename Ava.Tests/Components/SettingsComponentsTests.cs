using AngleSharp.Dom;
using Ava.Dashboard.Components.Shared;
using Ava.Dashboard.Features.Settings;
using Ava.Domain.Security;
using Ava.Domain.Settings;
using Ava.Infrastructure.Settings;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace Ava.Tests.Components;

/// <summary>The settings page's parts over the real services: maintenance mode, the feature flags, the configuration status.</summary>
public sealed class SettingsComponentsTests : DashboardTestContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Maintenance_SwitchesOnWithTheMessageAndExpectedEnd_OnlyAfterConfirmation()
    {
        var db = await UseAdminDatabaseAsync();
        var dialogs = RenderDialogProviders();
        var panel = Render<MaintenancePanel>();
        panel.WaitForElement("[data-testid=maintenance-off]", Wait);
        var end = DateTimeOffset.UtcNow.AddHours(2);

        await panel.Find("textarea").InputAsync(new ChangeEventArgs { Value = "Database upgrade." });
        await panel.Find("input[type=datetime-local]").ChangeAsync(new ChangeEventArgs { Value = UtcInput.ValueOf(end) });
        Open(Button(panel, "Switch on"));
        dialogs.WaitForElement(".mud-dialog", Wait);
        dialogs.Find(".mud-dialog").TextContent.ShouldContain($"“Database upgrade.” instead of the app until {DisplayTime.Minutes(end)}");
        (await IsOnAsync(db)).ShouldBeFalse("nothing happens before the confirmation");
        await Button(dialogs, "Switch on").ClickAsync(new MouseEventArgs());

        panel.WaitForAssertion(() => panel.Find("[data-testid=maintenance-on]").TextContent.ShouldContain("“Database upgrade.”"), Wait);
        panel.Find("[data-testid=maintenance-on]").TextContent.ShouldContain($"Ends by itself at {DisplayTime.Minutes(end)}.");
        (await IsOnAsync(db)).ShouldBeTrue();
    }

    [Fact]
    public async Task Maintenance_AsksForAMessage_BeforeAskingForConfirmation()
    {
        await UseAdminDatabaseAsync();
        var dialogs = RenderDialogProviders();
        var panel = Render<MaintenancePanel>();
        panel.WaitForElement("[data-testid=maintenance-off]", Wait);

        await Button(panel, "Switch on").ClickAsync(new MouseEventArgs());

        panel.WaitForAssertion(() => panel.Markup.ShouldContain("Say what users will see: the message is required."), Wait);
        dialogs.FindAll(".mud-dialog").ShouldBeEmpty();
    }

    [Fact]
    public async Task Maintenance_SwitchesOff_AfterConfirmation()
    {
        var db = await UseAdminDatabaseAsync();
        await db.AsAsync<MaintenanceService, MaintenanceStatus>(db.User, m => m.StartAsync("Back soon.", null));
        var dialogs = RenderDialogProviders();
        var panel = Render<MaintenancePanel>();
        panel.WaitForElement("[data-testid=maintenance-on]", Wait);

        Open(Button(panel, "Switch off"));
        dialogs.WaitForElement(".mud-dialog", Wait);
        await Button(dialogs, "Switch off").ClickAsync(new MouseEventArgs());

        panel.WaitForElement("[data-testid=maintenance-off]", Wait);
        (await IsOnAsync(db)).ShouldBeFalse();
    }

    [Fact]
    public async Task FeatureFlag_SwitchedOffAfterConfirmation_SaysWhoSwitchedItAndWhen()
    {
        var db = await UseAdminDatabaseAsync();
        var dialogs = RenderDialogProviders();
        var panel = Render<FeatureFlagsPanel>();
        panel.WaitForElement("[data-testid=feature-flag]", Wait);

        Open(Flag(panel, Capabilities.CommandExecution).QuerySelector("input[type=checkbox]")!, toggle: true);
        dialogs.WaitForElement(".mud-dialog", Wait);
        dialogs.Find(".mud-dialog").TextContent.ShouldContain("Switch Command execution off?");
        await Button(dialogs, "Switch off").ClickAsync(new MouseEventArgs());

        panel.WaitForAssertion(() => Flag(panel, Capabilities.CommandExecution).TextContent.ShouldContain("Switched off by admin@ava.local"), Wait);
        Flag(panel, Capabilities.CommandExecution).TextContent.ShouldContain("Command execution: off");
        await using var context = db.NewContext();
        (await context.FeatureFlags.SingleAsync(Xunit.TestContext.Current.CancellationToken)).Enabled.ShouldBeFalse();
    }

    [Fact]
    public async Task ConfigurationStatus_ShowsSecretsOnlyAsSetOrNotSet_AndTheDependencies()
    {
        await UseAdminDatabaseAsync();

        var panel = Render<ConfigurationStatusPanel>();

        panel.WaitForElement("[data-testid=setting]", Wait);
        Setting(panel, "ConnectionStrings:Ava").TextContent.ShouldContain("secret, set");
        Setting(panel, "ConnectionStrings:Ava").TextContent.ShouldNotContain("Data Source");
        Setting(panel, "Alerts:WebhookUrl").TextContent.ShouldContain("secret, not set");
        Setting(panel, "Health:HistoryDays").TextContent.ShouldContain("7");
        Setting(panel, "Health:HistoryDays").TextContent.ShouldContain("default");
        panel.FindAll("[data-testid=dependency]").Single(d => d.GetAttribute("data-name") == "alert-webhook").TextContent.ShouldContain("Not configured");
    }

    private async Task<ServiceDatabase> UseAdminDatabaseAsync()
    {
        var db = await UseDatabaseAsync();
        db.User = UserInRole(Roles.Admin);
        return db;
    }

    private static async Task<bool> IsOnAsync(ServiceDatabase db)
    {
        await using var context = db.NewContext();
        return await context.MaintenanceWindows.AnyAsync(w => w.EndedAt == null, Xunit.TestContext.Current.CancellationToken);
    }

    private IRenderedComponent<MudDialogProvider> RenderDialogProviders()
    {
        Render<MudPopoverProvider>();
        return Render<MudDialogProvider>();
    }

    private static IElement Flag(IRenderedComponent<FeatureFlagsPanel> panel, Capability capability) =>
        panel.FindAll("[data-testid=feature-flag]").Single(f => f.GetAttribute("data-flag") == capability.Name);

    private static IElement Setting(IRenderedComponent<ConfigurationStatusPanel> panel, string key) =>
        panel.FindAll("[data-testid=setting]").Single(s => s.GetAttribute("data-key") == key);

    private static IElement Button<TComponent>(IRenderedComponent<TComponent> component, string name)
        where TComponent : IComponent =>
        component.FindAll("button").Single(b => b.TextContent.Trim() == name);

    // A control whose handler waits for a dialog to close must not be awaited.
    private static void Open(IElement control, bool toggle = false) =>
        _ = toggle ? control.ChangeAsync(new ChangeEventArgs { Value = false }) : control.ClickAsync(new MouseEventArgs());
}
