using System.Diagnostics;
using System.Globalization;

namespace Ava.Benchmarks;

/// <summary>
/// CPU time used on this machine by role (the dashboard, each kind of Chromium process, the harness and Playwright's
/// driver), from each process's user and system time. Taken before and after a stretch of work, it shows what else
/// ran on the two cores while the browser painted.
/// </summary>
internal sealed class ProcessCpu
{
    private readonly Dictionary<string, double> _milliseconds = [];
    private int _stretches;

    /// <summary>Milliseconds on a CPU so far, by role, of the processes alive now.</summary>
    public static Dictionary<string, double> Snapshot()
    {
        var result = new Dictionary<string, double>();
        foreach (var process in Process.GetProcesses())
        {
            using (process)
            {
                try
                {
                    // The command line names the role; .NET's process name is only the executable's.
                    var role = RoleOf(File.ReadAllText($"/proc/{process.Id}/cmdline").Replace('\0', ' '), process.Id);
                    result[role] = result.GetValueOrDefault(role) + process.TotalProcessorTime.TotalMilliseconds;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
                {
                    // The process ended while it was read.
                }
            }
        }

        return result;
    }

    /// <summary>Adds the CPU time each role used between two snapshots as one stretch.</summary>
    public void Add(Dictionary<string, double> before, Dictionary<string, double> after)
    {
        foreach (var (role, milliseconds) in after)
        {
            _milliseconds[role] = _milliseconds.GetValueOrDefault(role) + Math.Max(0, milliseconds - before.GetValueOrDefault(role));
        }

        _stretches++;
    }

    /// <summary>The mean CPU time per stretch, by role, largest first; roles under half a millisecond left out.</summary>
    public override string ToString() => string.Join(", ", _milliseconds
        .Select(entry => (Role: entry.Key, Mean: entry.Value / Math.Max(1, _stretches)))
        .Where(entry => entry.Mean >= 0.5)
        .OrderByDescending(entry => entry.Mean)
        .Select(entry => $"{entry.Role} {entry.Mean.ToString("0", CultureInfo.InvariantCulture)} ms"));

    private static string RoleOf(string commandLine, int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return "harness";
        }

        if (commandLine.Contains("Ava.Dashboard.dll", StringComparison.Ordinal))
        {
            return "dashboard";
        }

        if (commandLine.Contains("chromium", StringComparison.Ordinal))
        {
            var type = commandLine.Split(' ').FirstOrDefault(argument => argument.StartsWith("--type=", StringComparison.Ordinal));
            return "Chromium " + (type?["--type=".Length..] ?? "browser");
        }

        return commandLine.Contains("playwright", StringComparison.OrdinalIgnoreCase) ? "Playwright driver" : "other";
    }
}
