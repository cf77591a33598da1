using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Ava.Benchmarks;

/// <summary>
/// Where a full page load's time goes before its first contentful paint, from Chromium's own trace: each load is
/// traced on its own, and the events between the navigation's start and the first contentful paint are summed per
/// kind on the page's main thread, the raster threads and the GPU process. Slower than an untraced load (the trace
/// has its own cost), so it explains the timed figures rather than replacing them.
/// </summary>
internal static class FirstPaintTrace
{
    private static readonly string[] Categories =
        ["devtools.timeline", "disabled-by-default-devtools.timeline", "blink.user_timing", "loading", "cc", "viz", "gpu", "toplevel"];

    // The renderer main thread's kinds of work, as the trace names them.
    private static readonly string[] MainThreadKinds =
        ["ParseHTML", "ParseAuthorStyleSheet", "UpdateLayoutTree", "Layout", "PrePaint", "Paint", "Layerize", "Commit", "EvaluateScript", "FunctionCall"];

    public static async Task ReportAsync(IPage page, string path, int loads, Func<Task> afterLoad)
    {
        var totals = new Dictionary<string, List<double>>();
        var session = await page.Context.NewCDPSessionAsync(page);
        var trace = new List<JsonElement>();
        var complete = new TaskCompletionSource();
        session.Event("Tracing.dataCollected").OnEvent += (_, data) =>
        {
            if (data is { } value)
            {
                lock (trace)
                {
                    trace.AddRange(value.GetProperty("value").EnumerateArray().Select(e => e.Clone()));
                }
            }
        };
        session.Event("Tracing.tracingComplete").OnEvent += (_, _) => complete.TrySetResult();
        for (var load = 0; load < loads + 1; load++)
        {
            trace.Clear();
            complete = new TaskCompletionSource();
            await session.SendAsync("Tracing.start", new Dictionary<string, object>
            {
                ["transferMode"] = "ReportEvents",
                ["traceConfig"] = new Dictionary<string, object> { ["includedCategories"] = Categories },
            });
            // Waiting for the load event runs nothing in the page. The first paint's trace event is written once the
            // paint is on screen, which can come after the load event: the trace goes on a little longer.
            await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Load });
            await Task.Delay(500);
            await session.SendAsync("Tracing.end");
            await complete.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await afterLoad();
            if (load == 0)
            {
                // The first load after tracing starts pays the tracer's own start-up.
                continue;
            }

            foreach (var (kind, milliseconds) in Summarize(trace))
            {
                (totals.TryGetValue(kind, out var list) ? list : totals[kind] = []).Add(milliseconds);
            }
        }

        var summary = string.Join(", ", totals
            .OrderByDescending(entry => entry.Value.Average())
            .Select(entry => $"{entry.Key} {entry.Value.Average().ToString("0.0", CultureInfo.InvariantCulture)}"));
        var traced = totals.GetValueOrDefault("navigation start to first contentful paint")?.Count ?? 0;
        Console.WriteLine($"<!-- trace of {traced} of {loads} full loads of /{path}, mean ms before the first contentful paint: {summary} -->");
    }

    private static string? NavigationOf(JsonElement e) =>
        e.TryGetProperty("args", out var args) && args.TryGetProperty("data", out var data) && data.TryGetProperty("navigationId", out var id)
            ? id.GetString()
            : null;

    private static Dictionary<string, double> Summarize(List<JsonElement> events)
    {
        var threads = new Dictionary<(int, int), string>();
        var processes = new Dictionary<int, string>();
        double navigationStart = -1, firstPaint = -1;
        int renderer = -1;
        string? navigation = null;
        foreach (var e in events)
        {
            var name = e.GetProperty("name").GetString();
            var ph = e.GetProperty("ph").GetString();
            var pid = e.GetProperty("pid").GetInt32();
            if (ph == "M" && name == "thread_name")
            {
                threads[(pid, e.GetProperty("tid").GetInt32())] = e.GetProperty("args").GetProperty("name").GetString() ?? "";
            }
            else if (ph == "M" && name == "process_name")
            {
                processes[pid] = e.GetProperty("args").GetProperty("name").GetString() ?? "";
            }
            else if (name == "firstContentfulPaint" && NavigationOf(e) is { } id)
            {
                firstPaint = e.GetProperty("ts").GetDouble();
                renderer = pid;
                navigation = id;
            }
        }

        // The start of the navigation that painted: the same navigation id.
        foreach (var e in events)
        {
            if (e.GetProperty("name").GetString() == "navigationStart" && navigation is not null && NavigationOf(e) == navigation)
            {
                navigationStart = e.GetProperty("ts").GetDouble();
            }
        }

        if (firstPaint < 0 || navigationStart < 0)
        {
            // A load whose paint or start the trace missed tells nothing: it is left out.
            return [];
        }

        var result = new Dictionary<string, double> { ["navigation start to first contentful paint"] = (firstPaint - navigationStart) / 1000 };

        foreach (var e in events)
        {
            if (e.GetProperty("ph").GetString() != "X" || !e.TryGetProperty("dur", out var durElement))
            {
                continue;
            }

            var ts = e.GetProperty("ts").GetDouble();
            var end = ts + durElement.GetDouble();
            var overlap = Math.Min(end, firstPaint) - Math.Max(ts, navigationStart);
            if (overlap <= 0)
            {
                continue;
            }

            var name = e.GetProperty("name").GetString() ?? "";
            var pid = e.GetProperty("pid").GetInt32();
            var thread = threads.GetValueOrDefault((pid, e.GetProperty("tid").GetInt32()), "");
            var process = processes.GetValueOrDefault(pid, "");
            string? kind = null;
            if (pid == renderer && thread == "CrRendererMain")
            {
                kind = name == "RunTask" ? "main thread busy" : MainThreadKinds.Contains(name) ? name : null;
                if (name == "EvaluateScript" && !(e.TryGetProperty("args", out var args) && args.TryGetProperty("data", out var data)
                    && data.TryGetProperty("url", out var url) && url.GetString() is { Length: > 0 }))
                {
                    kind = "EvaluateScript without an address";
                }
            }
            else if (pid == renderer && name == "RasterTask")
            {
                // Software raster runs on the renderer's tile workers or its thread pool.
                kind = "raster";
            }
            else if (pid == renderer && thread == "Compositor" && name == "RunTask")
            {
                kind = "compositor busy";
            }
            else if (process.Contains("GPU", StringComparison.OrdinalIgnoreCase) && name == "RunTask")
            {
                kind = "GPU process busy";
            }
            else if (process == "Browser" && thread == "CrBrowserMain" && name == "RunTask")
            {
                kind = "browser main busy";
            }

            if (kind is not null)
            {
                result[kind] = result.GetValueOrDefault(kind) + overlap / 1000;
            }
        }

        return result;
    }
}
