using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Shouldly;

namespace Ava.E2E.Infrastructure;

/// <summary>One element axe-core found breaking one rule, and where the test was when it looked.</summary>
public sealed record AxeFinding(string Rule, string Impact, string Help, string Page, string Who, string Theme, string Target, string Detail);

/// <summary>
/// Runs axe-core (the WCAG 2.x A and AA rules and axe's best practices) on a page and keeps what people who
/// use a screen reader, a keyboard or low vision would be stopped by: violations of serious or critical impact.
/// </summary>
public static class AxeScanner
{
    private static readonly HashSet<string> Blocking = ["serious", "critical"];

    private static readonly AxeRunOptions Options = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
        ResultTypes = [ResultType.Violations],
    };

    /// <summary>The serious and critical violations on the page as it is now.</summary>
    public static async Task<IReadOnlyList<AxeFinding>> SeriousViolationsAsync(this IPage page, string address, string who, string theme)
    {
        // The default run finishes every scan in a fresh browser page so that results from iframes can be merged;
        // the dashboard has no iframes, and the single-frame (legacy) run gives the same results three to five times faster.
        page.Frames.Count.ShouldBe(1, $"{address} has an iframe, which the single-frame scan would not look into.");
#pragma warning disable CS0618 // Legacy mode is deprecated for pages with iframes; see above.
        var result = await page.RunAxeLegacy(options: Options);
#pragma warning restore CS0618
        return result.Violations
            .Where(violation => Blocking.Contains(violation.Impact ?? ""))
            .SelectMany(violation => violation.Nodes.Select(node => new AxeFinding(
                violation.Id, violation.Impact, violation.Help, address, who, theme, node.Target?.ToString() ?? node.Html, Detail(node))))
            .ToList();
    }

    /// <summary>A readable list: one block per rule with its count, then each element with where it was found.</summary>
    public static string Describe(IReadOnlyCollection<AxeFinding> findings)
    {
        if (findings.Count == 0)
        {
            return "No serious or critical violations.";
        }

        var text = new StringBuilder($"{findings.Count} serious or critical violations:").AppendLine();
        foreach (var rule in findings.GroupBy(f => (f.Rule, f.Impact, f.Help)).OrderByDescending(g => g.Count()))
        {
            text.AppendLine().AppendLine($"{rule.Key.Rule} ({rule.Key.Impact}, {rule.Count()} nodes): {rule.Key.Help}");
            foreach (var finding in rule)
            {
                text.AppendLine($"  {finding.Page} [{finding.Who}, {finding.Theme}] {finding.Target}{(finding.Detail.Length > 0 ? " — " + finding.Detail : "")}");
            }
        }

        return text.ToString();
    }

    private static string Detail(AxeResultNode node)
    {
        var message = node.Any.Concat(node.All).Concat(node.None).Select(check => check.Message).FirstOrDefault(m => !string.IsNullOrEmpty(m)) ?? "";
        return message.Length > 200 ? message[..200] + "…" : message;
    }
}
