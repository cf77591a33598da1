using System.Diagnostics;

namespace Ava.Benchmarks;

/// <summary>
/// Restricts a running process to some processor cores with <c>taskset --all-tasks</c>: every thread it has now is
/// moved, and a thread inherits its creator's cores, so every later thread stays there too. (.NET's
/// <c>Process.ProcessorAffinity</c> on Linux sets only the main thread's.) Checked afterwards by reading every
/// thread's <c>Cpus_allowed_list</c>, and repeated if a thread started during the move escaped it.
/// </summary>
internal static class CorePinning
{
    /// <param name="cpuList">Cores as taskset and the kernel write them, e.g. <c>0</c> or <c>1-3</c>.</param>
    public static async Task PinAsync(int processId, string cpuList)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var taskset = Process.Start(new ProcessStartInfo("taskset", ["--all-tasks", "--cpu-list", "--pid", cpuList, processId.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            }) ?? throw new InvalidOperationException("taskset could not be started.");
            var error = await taskset.StandardError.ReadToEndAsync();
            await taskset.StandardOutput.ReadToEndAsync();
            await taskset.WaitForExitAsync();
            if (taskset.ExitCode != 0)
            {
                throw new InvalidOperationException($"taskset failed for process {processId}: {error}");
            }

            if (AllowedCores(processId).All(allowed => allowed == cpuList))
            {
                return;
            }
        }

        throw new InvalidOperationException($"Some threads of process {processId} kept running outside cores {cpuList}.");
    }

    /// <summary>The <c>Cpus_allowed_list</c> of each of the process's threads.</summary>
    public static IReadOnlyList<string> AllowedCores(int processId)
    {
        var allowed = new List<string>();
        foreach (var task in Directory.EnumerateDirectories($"/proc/{processId}/task"))
        {
            try
            {
                var line = File.ReadLines(Path.Combine(task, "status")).FirstOrDefault(l => l.StartsWith("Cpus_allowed_list:", StringComparison.Ordinal));
                if (line is not null)
                {
                    allowed.Add(line["Cpus_allowed_list:".Length..].Trim());
                }
            }
            catch (IOException)
            {
                // The thread ended while it was being read.
            }
        }

        return allowed;
    }

    /// <summary>The cores other than <paramref name="core"/>, in taskset's notation.</summary>
    public static string AllBut(int core)
    {
        var others = Enumerable.Range(0, Environment.ProcessorCount).Where(c => c != core).ToList();
        return string.Join(',', others);
    }
}
