using System.Text.RegularExpressions;
using Ava.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Ava.E2E.Pages;

/// <summary>
/// The health page at <c>/health</c> (view_dashboards): a tile per check, the metrics charts, and for Admins
/// (view_logs) the alerts with acknowledge and silence.
/// </summary>
public sealed partial class HealthPage(IPage page)
{
    public const string Path = "/health";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Health", Level = 1, Exact = true });

    public ILocator Tiles => page.GetByTestId("health-tile");

    public ILocator AlertsHeading => page.GetByRole(AriaRole.Heading, new() { Name = "Alerts", Level = 2, Exact = true });

    /// <summary>The metrics' group tabs (Recommendations, Changesets, …).</summary>
    public ILocator MetricTabs => page.GetByRole(AriaRole.Tab);

    private ILocator AlertRows => page.GetByLabel("Alerts", new() { Exact = true }).GetByRole(AriaRole.Table).Locator("tbody tr");

    /// <summary>The tile of a check, by the name people read ("Database", "Hangfire", …).</summary>
    public ILocator Tile(string title) => page.GetByRole(AriaRole.Group, new() { Name = title, Exact = true });

    public ILocator TileState(string title) => Tile(title).GetByTestId("health-state");

    /// <summary>The row of the alert about <paramref name="subject"/>.</summary>
    public ILocator AlertRow(string subject) =>
        AlertRows.Filter(new() { Has = page.GetByTestId("alert-subject").GetByText(subject, new() { Exact = true }) });

    /// <summary>Opens the page and waits until the live circuit has loaded it.</summary>
    public async Task GotoAsync()
    {
        await page.GotoAsync(Path);
        await Assertions.Expect(Heading).ToBeVisibleAsync();
        await Assertions.Expect(MetricTabs.First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Progressbar)).ToHaveCountAsync(0);
    }

    /// <summary>Acknowledges the alert about <paramref name="subject"/> with a note.</summary>
    public async Task AcknowledgeAsync(string subject, string note)
    {
        await AlertRow(subject).GetByRole(AriaRole.Button, new() { NameRegex = AcknowledgeAlert() }).ClickWhenInteractiveAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Acknowledge alert", Exact = true });
        await dialog.GetByRole(AriaRole.Textbox, new() { Name = "Note (optional)" }).FillAsync(note);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Acknowledge", Exact = true }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
    }

    /// <summary>Silences the alert's rule and subject until <paramref name="until"/> ("yyyy-MM-ddTHH:mm", UTC).</summary>
    public async Task SilenceAsync(string subject, string until)
    {
        await AlertRow(subject).GetByRole(AriaRole.Button, new() { NameRegex = SilenceAlert() }).ClickWhenInteractiveAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Silence alert", Exact = true });
        await dialog.GetByLabel("Until (UTC)").FillAsync(until);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Silence", Exact = true }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
    }

    [GeneratedRegex("^Acknowledge alert ")]
    private static partial Regex AcknowledgeAlert();

    [GeneratedRegex("^Silence alert ")]
    private static partial Regex SilenceAlert();
}
