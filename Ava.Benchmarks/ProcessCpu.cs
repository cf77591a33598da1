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

    // A process's command line does not change: each is read once, when the process is first seen.
    private static readonly Dictionary<int, string> Roles = [];

    private static readonly double MillisecondsPerTick = 1000.0 / 100;

    /// <summary>
    /// Milliseconds on a CPU so far, by role, of the processes alive now: the user and system time that
    /// <c>/proc/&lt;pid&gt;/stat</c> counts for each (in the kernel's clock ticks, 10 ms, as .NET's
    /// <c>Process.TotalProcessorTime</c> reads it too), threads that ended included. Read straight from <c>/proc</c>,
    /// so that taking a snapshot while the page paints costs the machine little.
    /// </summary>
    public static Dictionary<string, double> Snapshot()
    {
        var result = new Dictionary<string, double>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                if (!Roles.TryGetValue(pid, out var role))
                {
                    // The command line names the role; the executable's name alone does not.
                    role = RoleOf(File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' '), pid);
                    Roles[pid] = role;
                }

                // The command's name is in parentheses and may hold spaces: the fields are counted from after it.
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                result[role] = result.GetValueOrDefault(role) + ticks * MillisecondsPerTick;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process ended while it was read.
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
