using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Ava.E2E.Infrastructure;

namespace Ava.Benchmarks;

/// <summary>
/// The real dashboard started by <see cref="DashboardHost"/> (Development environment, demo data, a fresh SQLite
/// file, its console output in <c>TestResults/dashboard.log</c>) and then restricted to one processor core, with
/// the figures a capacity test reads from it: processor time, working set, the live managed heap, and the
/// errors it logged.
/// </summary>
internal sealed partial class PinnedDashboard : IAsyncDisposable
{
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
    /// The managed heap that survives a full collection, from <c>dotnet-gcdump</c> (the repository's local tool),
    /// which forces that collection in the dashboard; null when the tool fails. Seconds of work for the
    /// dashboard's core on a large heap: never call it while something is being timed.
    /// </summary>
    public async Task<long?> LiveManagedHeapBytesAsync()
    {
        var dump = Path.Combine(Path.GetTempPath(), $"ava-users-{Guid.NewGuid():N}.gcdump");
        try
        {
            var collected = await ToolAsync("collect", "--process-id", Host.ProcessId.ToString(CultureInfo.InvariantCulture), "--output", dump, "--timeout", "600");
            if (collected is null || !File.Exists(dump))
            {
                return null;
            }

            var report = await ToolAsync("report", dump);
            return report is not null && TotalLine().Match(report) is { Success: true } total
                ? long.Parse(total.Groups["bytes"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture)
                : null;
        }
        finally
        {
            File.Delete(dump);
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

    private static async Task<string?> ToolAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", ["tool", "run", "dotnet-gcdump", .. arguments])
        {
            WorkingDirectory = RepositoryRoot(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var tool = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
        var output = tool.StandardOutput.ReadToEndAsync();
        var error = tool.StandardError.ReadToEndAsync();
        await tool.WaitForExitAsync();
        if (tool.ExitCode != 0)
        {
            Console.Error.WriteLine($"dotnet-gcdump {arguments[0]} failed: {await error}{await output}");
            return null;
        }

        return await output;
    }

    // The tool manifest (.config/dotnet-tools.json) sits at the repository's root, above the build output.
    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, ".config", "dotnet-tools.json")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("No .config/dotnet-tools.json above the build output: run the benchmark from the repository.");
    }

    [GeneratedRegex(@"^\s*(?<bytes>[\d,]+)\s+GC Heap bytes", RegexOptions.Multiline)]
    private static partial Regex TotalLine();
}
