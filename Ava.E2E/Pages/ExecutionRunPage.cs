using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Ava.E2E.Pages;

/// <summary>One run at <c>/execution/{id}</c>: its status, facts and output, which grows live while it runs.</summary>
public sealed partial class ExecutionRunPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Status => page.GetByTestId("execution-status");

    /// <summary>Standard output, a log region.</summary>
    public ILocator Output => page.GetByRole(AriaRole.Log, new() { Name = "Output", Exact = true });

    public ILocator LiveBadge => page.GetByText("live", new() { Exact = true });

    public ILocator CancelButton => page.GetByRole(AriaRole.Button, new() { Name = "Cancel run", Exact = true });

    public ILocator ApproveButton => page.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true });

    public static Regex Address() => RunAddress();

    [GeneratedRegex(@"/execution/\d+$")]
    private static partial Regex RunAddress();
}
