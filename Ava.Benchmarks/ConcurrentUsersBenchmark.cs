using System.Diagnostics;
using System.Globalization;
using Ava.Benchmarks.Circuits;

namespace Ava.Benchmarks;

/// <summary>
/// How many signed-in Viewers with the home page open one core holds while an Admin's approvals stay under
/// 200 ms at p95. The dashboard is restricted to one core and this process (the simulated browsers and the
/// Admin's API client) to the others. Each step opens more Viewers (each a real circuit driven over SignalR's
/// .NET client, see <see cref="SimulatedViewer"/>), then starts an approval every half second for a minute,
/// each on schedule whatever the earlier ones are doing (a stall delays every approval due during it, as it
/// would delay every user who clicked then), so every step includes the minute's health sampling that
/// refreshes every open home page. The 0-Viewer step is the baseline. The ramp stops at the first step over
/// the goal, when the dashboard stops opening or holding circuits, when this process's own core is saturated,
/// or before memory would run short.
/// </summary>
internal static class ConcurrentUsersBenchmark
{
    private const int DashboardCore = 0;
    private const double GoalMs = 200;
    private const int WarmupApprovals = 5;
    private const string ViewerEmail = "viewer@ava.local";

    // Static text of the home page (a section heading): proof that a circuit rendered the page itself.
    private const string HomePageText = "Your permissions";
    private static readonly TimeSpan ApprovalPace = TimeSpan.FromMilliseconds(500);
    private static readonly long MemoryReserveBytes = 3L << 30;

    public static async Task RunAsync(IReadOnlyList<int> steps, int approvals)
    {
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {MemoryAvailableBytes() / (1 << 20):N0} MiB available, load average {LoadAverage()}");
        await using var dashboard = await PinnedDashboard.StartAsync(DashboardCore, new Dictionary<string, string>
        {
            // The REST API's per-token limits (30 requests, 5 decisions a minute) would refuse the Admin's approvals.
            ["Api__RateLimit__PermitLimit"] = "1000000",
            ["Api__RateLimit__DecisionPermitLimit"] = "1000000",

            // The runtime then sizes its thread pool and GC for the one core it is given.
            ["DOTNET_PROCESSOR_COUNT"] = "1",
        });
        var clientCores = CorePinning.AllBut(DashboardCore);
        if (clientCores.Length > 0)
        {
            await CorePinning.PinAsync(Environment.ProcessId, clientCores);
        }

        Console.WriteLine($"Dashboard: process {dashboard.Host.ProcessId} at {dashboard.Host.BaseUrl}, restricted with taskset to core {dashboard.Core} "
            + $"(every thread: {string.Join(' ', CorePinning.AllowedCores(dashboard.Host.ProcessId).Distinct())}), DOTNET_PROCESSOR_COUNT=1; "
            + $"this process on core(s) {clientCores}. Log: {dashboard.LogPath}");

        if (dashboard.NewProblemLines() is { Count: > 0 } startup)
        {
            Console.WriteLine($"At start-up the dashboard logged {startup.Count} warning or error lines (demo data being seeded); the figures below count only later ones.");
        }

        var cookie = await SessionCookie.SignInAsync(dashboard.Host.BaseUrl, ViewerEmail, dashboard.Host.DemoPassword);
        using var desk = await ApprovalDesk.OpenAsync(dashboard.Host);
        await using var pool = new ViewerPool(dashboard.Host.BaseUrl, cookie, HomePageText);
        await ShowOneCircuitAsync(pool, dashboard);

        Console.WriteLine();
        Console.WriteLine("| viewers | circuits held | opened in | approval p50 | p95 | max | dashboard CPU (its core) | working set | live managed heap | render batches in the minute | harness CPU (its core) | load average | |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        var results = new List<StepResult>();
        foreach (var viewers in steps)
        {
            if (StopBefore(viewers, results) is { } reason)
            {
                Console.WriteLine($"Stopped before {viewers:N0} viewers: {reason}");
                break;
            }

            var step = await RunStepAsync(viewers, approvals, pool, desk, dashboard);
            results.Add(step);
            Console.WriteLine(step.Row());
            foreach (var line in step.Notes)
            {
                Console.WriteLine($"  {line}");
            }

            if (StopAfter(step) is { } stop)
            {
                Console.WriteLine($"Stopped after {viewers:N0} viewers: {stop}");
                break;
            }
        }

        Summarize(results);
    }

    private static async Task ShowOneCircuitAsync(ViewerPool pool, PinnedDashboard dashboard)
    {
        var watch = Stopwatch.StartNew();
        await using (var viewer = await pool.OpenOneAsync())
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            Console.WriteLine($"One circuit: home page open in {watch.Elapsed.TotalMilliseconds:N0} ms; {viewer.RenderBatches} render batches ({viewer.RenderBytes:N0} bytes, "
                + $"the page's text \"{HomePageText}\" among them), {viewer.JsCalls} JavaScript calls answered: "
                + string.Join("; ", pool.Answers.Seen.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} {s.Value}")));
        }

        var problems = dashboard.NewProblemLines();
        Console.WriteLine(problems.Count == 0 ? "The dashboard logged no errors or warnings for it." : $"The dashboard logged:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    private static async Task<StepResult> RunStepAsync(int viewers, int approvals, ViewerPool pool, ApprovalDesk desk, PinnedDashboard dashboard)
    {
        var notes = new List<string>();
        var growth = await pool.GrowToAsync(viewers);
        if (growth.Opened > 0)
        {
            notes.Add($"opened {growth.Opened:N0} home pages in {growth.Elapsed.TotalSeconds:N1} s ({growth.Opened / growth.Elapsed.TotalSeconds:N1}/s), "
                + $"each p50 {Measure.Percentile(growth.OpenTimes, 50):N0} ms, p95 {Measure.Percentile(growth.OpenTimes, 95):N0} ms");
        }

        if (growth.Failures.Count > 0)
        {
            notes.Add($"{growth.Failures.Count} failed to open: {string.Join("; ", growth.Failures.Distinct().Take(3))}");
        }

        await Task.Delay(TimeSpan.FromSeconds(5));
        var pending = await desk.SubmitAsync(approvals + WarmupApprovals);
        var loadBefore = LoadAverage();
        var batchesBefore = pool.RenderBatches;
        var dashboardCpu = dashboard.ProcessorTime;
        var clientCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var windowStart = Stopwatch.GetTimestamp();
        var window = Stopwatch.StartNew();
        var approving = new List<Task<ApprovalOutcome>>();
        for (var i = 0; i < pending.Count; i++)
        {
            // On a fixed schedule whatever the earlier approvals are doing, so a stall delays every approval due during it.
            var wait = ApprovalPace * i - window.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            approving.Add(desk.ApproveAsync(pending[i]));
        }

        var outcomes = await Task.WhenAll(approving);
        var samples = outcomes.Skip(WarmupApprovals).Select(o => o.Milliseconds).ToList();
        var failedApprovals = outcomes.Where(o => o.Error is not null).Select(o => o.Error!).ToList();
        var seconds = window.Elapsed.TotalSeconds;
        var dashboardShare = (dashboard.ProcessorTime - dashboardCpu).TotalSeconds / seconds;
        var clientShare = (Process.GetCurrentProcess().TotalProcessorTime - clientCpu).TotalSeconds / seconds / Math.Max(1, Environment.ProcessorCount - 1);
        var renderBatches = pool.RenderBatches - batchesBefore;
        notes.AddRange(WhenSlow(outcomes, pool.LastRendersSince(windowStart)));
        var holding = pool.Holding;
        var workingSet = dashboard.WorkingSetBytes;
        var heap = await dashboard.LiveManagedHeapBytesAsync();
        notes.AddRange(pool.Losses.Select(loss => $"circuit lost: {loss}"));
        if (failedApprovals.Count > 0)
        {
            notes.Add($"{failedApprovals.Count} approvals failed: {string.Join("; ", failedApprovals.Distinct().Take(3))}");
        }

        var problems = dashboard.NewProblemLines();
        if (problems.Count > 0)
        {
            notes.Add($"the dashboard logged {problems.Count} error or warning lines, the first: {problems[0].Trim()}");
        }

        samples.Sort();
        return new StepResult(viewers, holding, growth, [.. samples], dashboardShare, clientShare, workingSet, Process.GetCurrentProcess().WorkingSet64, heap, renderBatches,
            $"{loadBefore} → {LoadAverage()}", notes);
    }

    // Whether the slow approvals fell when the open pages re-rendered, both as seconds into the window.
    private static IEnumerable<string> WhenSlow(ApprovalOutcome[] outcomes, IReadOnlyList<TimeSpan> renders)
    {
        if (renders.Count > 0)
        {
            yield return $"the open pages' last re-renders arrived {renders.Min().TotalSeconds:N1}–{renders.Max().TotalSeconds:N1} s into the window";
        }

        var slow = outcomes.Select((o, i) => (Due: ApprovalPace * i, o.Milliseconds)).Where(a => a.Milliseconds > GoalMs).ToList();
        if (slow.Count > 0)
        {
            yield return $"{slow.Count} approvals over {GoalMs:N0} ms, due {slow.Min(a => a.Due).TotalSeconds:N1}–{slow.Max(a => a.Due).TotalSeconds:N1} s into the window";
        }
    }

    private static string? StopBefore(int viewers, List<StepResult> results)
    {
        var first = results.FirstOrDefault();
        var last = results.LastOrDefault();
        if (first is null || last is null || last.Viewers <= first.Viewers)
        {
            return null;
        }

        // Server and client memory grow with the viewers: project the next step from what each viewer has cost so far.
        var perViewer = (double)(last.WorkingSetBytes + last.ClientWorkingSetBytes - first.WorkingSetBytes - first.ClientWorkingSetBytes) / (last.Viewers - first.Viewers);
        var needed = (long)(perViewer * (viewers - last.Viewers));
        return needed > MemoryAvailableBytes() - MemoryReserveBytes
            ? $"about {needed / (1 << 20):N0} MiB more would be needed and {MemoryAvailableBytes() / (1 << 20):N0} MiB are available (keeping {MemoryReserveBytes >> 20:N0} MiB)"
            : null;
    }

    private static string? StopAfter(StepResult step)
    {
        if (step.P95 > GoalMs)
        {
            return $"approval p95 {step.P95:N0} ms is over the {GoalMs:N0} ms goal";
        }

        if (step.Growth.Failures.Count > step.Viewers / 100 || step.Holding < step.Viewers * 0.99)
        {
            return $"the dashboard held {step.Holding:N0} of {step.Viewers:N0} circuits";
        }

        return step.ClientShare > 0.9 ? $"this process used {step.ClientShare:P0} of its core(s): the client would be the bottleneck" : null;
    }

    private static void Summarize(List<StepResult> results)
    {
        var baseline = results.FirstOrDefault(r => r.Viewers == 0);
        var held = results.Where(r => r.P95 <= GoalMs && r.Holding >= r.Viewers * 0.99).MaxBy(r => r.Viewers);
        Console.WriteLine();
        if (baseline is not null)
        {
            Console.WriteLine($"Baseline, no viewers: approval p50 {baseline.P50:N1} ms, p95 {baseline.P95:N1} ms; working set {baseline.WorkingSetBytes / (1 << 20):N0} MiB.");
        }

        if (held is not null && baseline is not null && held.Viewers > 0)
        {
            var perCircuit = held.HeapBytes is { } heap && baseline.HeapBytes is { } start ? $"{(heap - start) / (double)held.Viewers / 1024:N0} KiB" : "unknown";
            Console.WriteLine($"Largest step within the goal on one core: {held.Viewers:N0} viewers (approval p95 {held.P95:N1} ms, {held.P95 / baseline.P95:N1}× the baseline); "
                + $"live managed heap per circuit {perCircuit}, working set per circuit {(held.WorkingSetBytes - baseline.WorkingSetBytes) / (double)held.Viewers / 1024:N0} KiB.");
        }
    }

    private static string LoadAverage() =>
        string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static long MemoryAvailableBytes()
    {
        var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemAvailable:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    private sealed record StepResult(
        int Viewers, int Holding, GrowthResult Growth, double[] Samples, double DashboardShare, double ClientShare,
        long WorkingSetBytes, long ClientWorkingSetBytes, long? HeapBytes, long RenderBatches, string Load, IReadOnlyList<string> Notes)
    {
        public double P50 => Measure.Percentile(Samples, 50);

        public double P95 => Measure.Percentile(Samples, 95);

        public string Row() =>
            $"| {Viewers:N0} | {Holding:N0} | {(Growth.Opened > 0 ? $"{Growth.Elapsed.TotalSeconds:N0} s" : "—")} | {P50:N1} ms | {P95:N1} ms | {Samples[^1]:N0} ms "
            + $"| {DashboardShare:P0} | {WorkingSetBytes / (1 << 20):N0} MiB | {(HeapBytes is { } heap ? $"{heap / (1 << 20):N0} MiB" : "—")} "
            + $"| {RenderBatches:N0} | {ClientShare:P0} | {Load} | {(P95 <= GoalMs ? "within" : "OVER")} |";
    }
}
