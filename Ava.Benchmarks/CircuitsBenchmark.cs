using System.Globalization;
using System.Text.RegularExpressions;
using Ava.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Ava.Benchmarks;

/// <summary>
/// Memory per Blazor circuit, measured on the built dashboard (Release, Production, demo data) with real browser
/// tabs: the live managed heap after a forced full collection (a <c>dotnet-gcdump</c> of the dashboard's process)
/// before and after opening N signed-in tabs on one page, and again after closing them. The baseline is an empty
/// page of the same layout (<c>/not-found</c>) measured the same way in the same run.
/// </summary>
internal static partial class CircuitsBenchmark
{
    private const int TopTypes = 20;

    private sealed record Target(string Key, string Name, string Path, string Email, string Goal, double GoalKb, Func<IPage, Task> Ready);

    /// <param name="pages">The pages to measure (empty, home, streams, approvals); all of them when null.</param>
    public static async Task RunAsync(int tabs, IReadOnlyCollection<string>? pages = null)
    {
        using var published = await Repository.PublishDashboardAsync();
        await using var dashboard = await DashboardHost.StartAsync(environment: "Production", publishedFolder: published.Folder);
        await using var chromium = await ChromiumBrowser.LaunchAsync();
        Target[] targets =
        [
            new("empty", "empty page of the layout (baseline), as a Viewer", "not-found", "viewer@ava.local", "—", double.MaxValue, page => Task.CompletedTask),
            new("home", "home, as a Viewer", "", "viewer@ava.local", "≤ 300 KB", 300, page => page.GetByRole(AriaRole.Heading, new() { Name = "Welcome" }).WaitForAsync()),
            new("streams", "/streams (25 rows), as a Viewer", "streams", "viewer@ava.local", "≤ 1 MB", 1024,
                page => page.Locator("[aria-label='Streams'] tbody tr td a").Nth(24).WaitForAsync()),
            new("approvals", "/approvals (25 rows), as an Admin", "approvals", "admin@ava.local", "≤ 1 MB", 1024,
                page => page.Locator("table tbody tr").Nth(24).WaitForAsync()),
        ];

        Console.WriteLine($"| page | live managed heap per circuit | components per circuit | after closing the tabs, per circuit | goal | |");
        Console.WriteLine("|---|---|---|---|---|---|");
        var tops = new List<(string Page, Figures Figures)>();
        foreach (var target in targets.Where(target => pages is null || pages.Contains(target.Key)))
        {
            var figures = await MeasureAsync(dashboard, chromium.Browser, target, tabs);
            var met = target.GoalKb == double.MaxValue ? "" : figures.OpenKb <= target.GoalKb ? "met" : "NOT met";
            Console.WriteLine($"| {target.Name}, {tabs} tabs | {figures.OpenKb:N0} KB | {figures.Components:N0} | {figures.ClosedKb:N0} KB | {target.Goal} | {met} |");
            tops.Add((target.Name, figures));
        }

        foreach (var (page, figures) in tops)
        {
            Console.WriteLine();
            Console.WriteLine($"Top types per circuit, {page}:");
            foreach (var (type, kb) in figures.TopTypes)
            {
                Console.WriteLine($"  {kb,8:N1} KB  {type}");
            }

            Console.WriteLine($"Components (probably) per circuit, {page}:");
            Console.WriteLine("  " + string.Join(", ", figures.ComponentTypes.Select(type => $"{ShortName(type.Type)} {type.Count:0.#}")));
        }
    }

    private sealed record Figures(double OpenKb, double ClosedKb, double Components, List<(string Type, double Kb)> TopTypes, List<(string Type, double Count)> ComponentTypes);

    private static async Task<Figures> MeasureAsync(DashboardHost dashboard, IBrowser browser, Target target, int tabs)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = dashboard.BaseUrl.ToString() });
        var first = await context.NewPageAsync();
        await SignInAsync(first, target.Email, dashboard.DemoPassword);

        // One tab opened and closed first, so what the page loads once per process (types, caches) is not counted.
        await OpenAsync(first, target);
        await first.CloseAsync(new() { RunBeforeUnload = true });
        await Task.Delay(TimeSpan.FromSeconds(2));

        var before = await LiveHeapAsync(dashboard.ProcessId);
        var pages = new List<IPage>();
        for (var i = 0; i < tabs; i++)
        {
            var page = await context.NewPageAsync();
            await OpenAsync(page, target);
            pages.Add(page);
        }

        var open = await LiveHeapAsync(dashboard.ProcessId);
        foreach (var page in pages)
        {
            await page.CloseAsync(new() { RunBeforeUnload = true });
        }

        // A closed tab tells the server it is gone; give the circuits a moment to be torn down.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var closed = await LiveHeapAsync(dashboard.ProcessId);
        var top = open.TypeBytes
            .Select(type => (type.Key, Kb: (type.Value - before.TypeBytes.GetValueOrDefault(type.Key)) / 1024.0 / tabs))
            .OrderByDescending(type => type.Kb)
            .Take(TopTypes)
            .ToList();
        var components = (open.TypeCounts.GetValueOrDefault(ComponentState) - before.TypeCounts.GetValueOrDefault(ComponentState)) / (double)tabs;
        var componentTypes = open.TypeCounts
            .Where(type => IsComponentType(type.Key))
            .Select(type => (type.Key, Count: (type.Value - before.TypeCounts.GetValueOrDefault(type.Key)) / (double)tabs))
            .Where(type => type.Count >= 0.5)
            .OrderByDescending(type => type.Count)
            .ToList();
        return new Figures((open.Kb - before.Kb) / tabs, (closed.Kb - before.Kb) / tabs, components, top, componentTypes);
    }

    /// <summary>
    /// A type that is probably a component: a type of MudBlazor, the dashboard or Blazor's components, generic ones
    /// included (<c>MudSelectItem&lt;T&gt;</c>), but not a closure or a state machine (nested types, whose names hold
    /// '+'). The report cannot tell a component from another class of the same assemblies, so the list shows each
    /// type's count per circuit and the reader judges.
    /// </summary>
    private static bool IsComponentType(string type) =>
        !type.Contains('+', StringComparison.Ordinal) && !type.EndsWith("[]", StringComparison.Ordinal)
        && (type.StartsWith("MudBlazor.Mud", StringComparison.Ordinal) || type.StartsWith("Ava.Dashboard.", StringComparison.Ordinal)
            || type.StartsWith("Microsoft.AspNetCore.Components.Authorization.", StringComparison.Ordinal)
            || type.StartsWith("Microsoft.AspNetCore.Components.Routing.", StringComparison.Ordinal)
            || type.StartsWith("Microsoft.AspNetCore.Components.Forms.", StringComparison.Ordinal)
            || type.StartsWith("Microsoft.AspNetCore.Components.Web.", StringComparison.Ordinal)
            || type.StartsWith("Microsoft.AspNetCore.Components.CascadingValue", StringComparison.Ordinal));

    /// <summary>A type's name without its namespace, keeping its type arguments' short names.</summary>
    private static string ShortName(string type) => ShortNamePart().Replace(type, "");

    private static async Task OpenAsync(IPage page, Target target)
    {
        await page.GotoAsync(target.Path);
        await target.Ready(page);
        await page.Locator("header button[aria-label^='Switch to']").WaitUntilInteractiveAsync();
    }

    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Welcome" }).WaitForAsync(new() { Timeout = 60_000 });
    }

    private sealed record Heap(double Kb, Dictionary<string, long> TypeBytes, Dictionary<string, long> TypeCounts);

    private const string ComponentState = "Microsoft.AspNetCore.Components.Server.Circuits.RemoteComponentState";

    /// <summary>The live managed heap of <paramref name="processId"/> in KB: <c>dotnet-gcdump</c> forces a full collection and counts what survives.</summary>
    private static async Task<Heap> LiveHeapAsync(int processId)
    {
        var file = Path.Combine(Path.GetTempPath(), $"ava-circuits-{Guid.NewGuid():N}.gcdump");
        try
        {
            await Repository.DotnetAsync("dotnet-gcdump", "collect", "-p", processId.ToString(CultureInfo.InvariantCulture), "-o", file);
            var report = await Repository.DotnetAsync("dotnet-gcdump", "report", file);
            var total = HeapLine().Match(report);
            if (!total.Success)
            {
                throw new InvalidOperationException($"dotnet-gcdump's report has no \"GC Heap bytes\" line:{Environment.NewLine}{report[..Math.Min(report.Length, 2_000)]}");
            }

            var types = new Dictionary<string, long>();
            var counts = new Dictionary<string, long>();
            foreach (Match row in TypeLine().Matches(report))
            {
                var name = row.Groups["type"].Value.Trim();
                types[name] = types.GetValueOrDefault(name) + (Number(row.Groups["bytes"].Value) * Number(row.Groups["count"].Value));
                counts[name] = counts.GetValueOrDefault(name) + Number(row.Groups["count"].Value);
            }

            return new Heap(Number(total.Groups["bytes"].Value) / 1024.0, types, counts);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static long Number(string digits) => long.Parse(digits.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    /// <summary>A row of the report: the size of one type's live objects (each), their count, the type and its assembly.</summary>
    [GeneratedRegex(@"^\s*(?<bytes>[\d,]+)\s+(?<count>[\d,]+)\s+(?<type>.+?)(\s+\(Bytes > [^)]*\))?\s+\[[^\]]+\]\s*$", RegexOptions.Multiline)]
    private static partial Regex TypeLine();

    /// <summary>A namespace before a type's name, as in <c>MudBlazor.</c> or <c>System.</c>.</summary>
    [GeneratedRegex(@"\b[A-Za-z_][\w]*\.(?=[A-Za-z_])")]
    private static partial Regex ShortNamePart();

    /// <summary>The first line of <c>dotnet-gcdump report</c>: the bytes of every live object.</summary>
    [GeneratedRegex(@"^\s*(?<bytes>[\d,]+)\s+GC Heap bytes", RegexOptions.Multiline)]
    private static partial Regex HeapLine();
}
