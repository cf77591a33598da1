using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Ava.E2E.Pages;

/// <summary>The page a user lands on after signing in.</summary>
public sealed partial class HomePage(IPage page)
{
    public const string Path = "/";

    public DashboardLayout Layout { get; } = new(page);

    public ILocator Welcome => page.GetByRole(AriaRole.Heading, new() { Level = 1, NameRegex = WelcomeHeading() });

    /// <summary>The card with today's briefing (or the latest one) for those who may read it.</summary>
    public ILocator TodaysBriefing => page.GetByTestId("todays-briefing");

    public ILocator ReadTheBriefing => TodaysBriefing.GetByRole(AriaRole.Link, new() { Name = "Read the briefing" });

    public async Task GotoAsync() => await page.GotoAsync(Path);

    [GeneratedRegex("^Welcome, ")]
    private static partial Regex WelcomeHeading();
}
