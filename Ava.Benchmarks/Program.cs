using Ava.Benchmarks;

// Usage: dotnet run -c Release --project Ava.Benchmarks -- [audit] [streams] [streams-page] [approvals] [api] [ai] [diffs] [commands] [briefings] [reviews] [operations] [circuits] [users]
//   [--append N] [--chain N] [--streams N] [--pending N] [--verifications N] [--ai-calls N] [--runs N] [--day-streams N] [--reviews N] [--samples N]
//   [--loads N] [--trace N] [--ready-to-run] [--tabs N] [--pages empty,home,streams,approvals] [--viewers N,N,...] [--approvals N]
var append = ArgValue("--append", 5_000);
var chain = ArgValue("--chain", 1_000_000);
var streams = ArgValue("--streams", 100_000);
var traceLoads = ArgValue("--trace", 0);
var pageLoads = ArgValue("--loads", 30);
var pending = ArgValue("--pending", 10_000);
var verifications = ArgValue("--verifications", 20_000);
var aiCalls = ArgValue("--ai-calls", 300);
var commandRuns = ArgValue("--runs", 40);
var dayStreams = ArgValue("--day-streams", 10_000);
var reviews = ArgValue("--reviews", 200);
var operationSamples = ArgValue("--samples", 40);
var tabs = ArgValue("--tabs", 30);
var circuitPages = ArgWords("--pages");
var viewerSteps = ArgList("--viewers", [0, 100, 250, 500, 1_000, 1_250, 1_500, 1_750, 2_000, 2_500, 3_000, 4_000, 5_000, 7_500, 10_000]);
var approvals = ArgValue("--approvals", 120);
Console.WriteLine($"Ava Prime benchmarks · {Environment.ProcessorCount} cores · .NET {Environment.Version} · {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
Console.WriteLine();

if (args.Length == 0 || args.Contains("audit"))
{
    await AuditBenchmarks.RunAsync(append, chain);
}

if (args.Length == 0 || args.Contains("streams"))
{
    await StreamBenchmarks.RunAsync(streams);
}

if (args.Length == 0 || args.Contains("streams-page"))
{
    await StreamsPageBenchmark.RunAsync(streams, pageLoads, traceLoads, args.Contains("--ready-to-run"));
}

if (args.Length == 0 || args.Contains("approvals"))
{
    await ApprovalBenchmarks.RunAsync(pending);
}

if (args.Length == 0 || args.Contains("api"))
{
    await ApiBenchmarks.RunAsync(verifications);
}

if (args.Length == 0 || args.Contains("ai"))
{
    await AiPipelineBenchmarks.RunAsync(aiCalls);
}

if (args.Length == 0 || args.Contains("diffs"))
{
    DiffBenchmarks.Run();
}

if (args.Length == 0 || args.Contains("commands"))
{
    await CommandBenchmarks.RunAsync(commandRuns);
}

if (args.Length == 0 || args.Contains("briefings"))
{
    await BriefingContextBenchmarks.RunAsync(dayStreams);
}

if (args.Length == 0 || args.Contains("reviews"))
{
    await CodeReviewBenchmarks.RunAsync(reviews);
}

if (args.Length == 0 || args.Contains("operations"))
{
    await OperationsBenchmarks.RunAsync(operationSamples);
}

if (args.Length == 0 || args.Contains("circuits"))
{
    await CircuitsBenchmark.RunAsync(tabs, circuitPages);
}

if (args.Length == 0 || args.Contains("users"))
{
    await ConcurrentUsersBenchmark.RunAsync(viewerSteps, approvals);
}

int ArgValue(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
}

string[]? ArgWords(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : null;
}

int[] ArgList(string name, int[] fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length
        ? [.. args[index + 1].Split(',').Select(v => int.Parse(v, System.Globalization.CultureInfo.InvariantCulture))]
        : fallback;
}
