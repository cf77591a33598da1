using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Globalization;
using System.Text.RegularExpressions;
using Ava.E2E.Infrastructure;
using Microsoft.Diagnostics.NETCore.Client;

namespace Ava.Benchmarks;

/// <summary>
/// The real dashboard started by <see cref="DashboardHost"/> (Development environment, demo data, a fresh SQLite
/// file, its console output in <c>TestResults/dashboard.log</c>) and then restricted to one processor core, with
/// the figures a capacity test reads from it: processor time, working set, the live managed heap, and the
/// errors it logged.
/// </summary>
internal sealed partial class PinnedDashboard : IAsyncDisposable
{
    private const string HeapSizeCounter = "dotnet.gc.last_collection.heap.size";
    private const long GCKeyword = 0x1;
    private const long GCHeapCollectKeyword = 0x800000;
    private static readonly TimeSpan CollectionAllowance = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private long _logOffset;

    private PinnedDashboard(DashboardHost host, int core)
    {
        Host = host;
        Core = core;
        _process = Process.GetProcessById(host.ProcessId);
    }

    public DashboardHost Host { get; }

    public int Core { get; }

    public string LogPath { get; } = Path.Combine(TestArtifacts.Folder(), "dashboard.log");

    /// <param name="settings">Environment variables for the dashboard: <see cref="DashboardHost"/> starts it with this process's environment plus its own settings.</param>
    public static async Task<PinnedDashboard> StartAsync(int core, IReadOnlyDictionary<string, string> settings)
    {
        foreach (var (name, value) in settings)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        DashboardHost host;
        try
        {
            host = await DashboardHost.StartAsync();
        }
        finally
        {
            foreach (var name in settings.Keys)
            {
                Environment.SetEnvironmentVariable(name, null);
            }
        }

        try
        {
            await CorePinning.PinAsync(host.ProcessId, core.ToString(CultureInfo.InvariantCulture));
            return new PinnedDashboard(host, core);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public long WorkingSetBytes
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    /// <summary>
    /// The managed heap that survives a full collection. A diagnostics session asks the dashboard's runtime for a
    /// full blocking collection (the event keyword dotnet-gcdump uses, without the heap walk that would stall a
    /// large heap on one core for longer than the circuits' 30-second timeout), then <c>dotnet-counters</c> (the
    /// repository's local tool) reads the heap size the last collection left, summed over the generations. Null
    /// when that fails. Seconds of work for the dashboard's core on a large heap: never call it while something is
    /// being timed.
    /// </summary>
    public async Task<long?> LiveManagedHeapBytesAsync()
    {
        await ForceFullCollectionAsync();
        var counters = Path.Combine(Path.GetTempPath(), $"ava-users-{Guid.NewGuid():N}.csv");
        try
        {
            if (await ToolAsync("dotnet-counters", "collect", "--process-id", Host.ProcessId.ToString(CultureInfo.InvariantCulture),
                    "--counters", $"System.Runtime[{HeapSizeCounter}]", "--format", "csv", "--output", counters, "--duration", "00:00:00:03") is null
                || !File.Exists(counters))
            {
                return null;
            }

            // One row per generation and sample; the first sample is the heap as the forced collection left it.
            var generations = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var row in File.ReadLines(counters).Skip(1).Select(line => line.Split(',')).Where(row => row.Length >= 5))
            {
                if (GenerationOf().Match(row[2]) is { Success: true } generation)
                {
                    generations.TryAdd(generation.Groups["name"].Value, (long)double.Parse(row[4], CultureInfo.InvariantCulture));
                }
            }

            return generations.Count > 0 ? generations.Values.Sum() : null;
        }
        finally
        {
            File.Delete(counters);
        }
    }

    /// <summary>The error and warning lines the dashboard logged since the last call.</summary>
    public IReadOnlyList<string> NewProblemLines()
    {
        using var log = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        log.Seek(_logOffset, SeekOrigin.Begin);
        using var reader = new StreamReader(log);
        var text = reader.ReadToEnd();
        _logOffset = log.Length;
        return text.Split('\n').Where(line => line.Contains(" ERR]", StringComparison.Ordinal)
            || line.Contains(" FTL]", StringComparison.Ordinal) || line.Contains(" WRN]", StringComparison.Ordinal)).ToList();
    }

    public ValueTask DisposeAsync()
    {
        _process.Dispose();
        return Host.DisposeAsync();
    }

    // The runtime answers a session that enables the GC heap-collect keyword with an induced full blocking collection.
    private async Task ForceFullCollectionAsync()
    {
        var client = new DiagnosticsClient(Host.ProcessId);
        using var session = await client.StartEventPipeSessionAsync(
            [new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, GCKeyword | GCHeapCollectKeyword)],
            requestRundown: false, circularBufferMB: 16, CancellationToken.None);
        var drained = session.EventStream.CopyToAsync(Stream.Null);
        await Task.Delay(CollectionAllowance);
        await session.StopAsync(CancellationToken.None);
        await drained;
    }

    private static async Task<string?> ToolAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", ["tool", "run", tool, "--", .. arguments])
        {
            WorkingDirectory = Repository.Root(), // where the tool manifest, .config/dotnet-tools.json, is
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var running = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
        var output = running.StandardOutput.ReadToEndAsync();
        var error = running.StandardError.ReadToEndAsync();
        await running.WaitForExitAsync();
        if (running.ExitCode != 0)
        {
            Console.Error.WriteLine($"{tool} {arguments[0]} failed: {await error}{await output}");
            return null;
        }

        return await output;
    }

    [GeneratedRegex(@"\[gc\.heap\.generation=(?<name>\w+)\]")]
    private static partial Regex GenerationOf();
}
