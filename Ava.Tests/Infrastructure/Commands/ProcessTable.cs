namespace Ava.Tests.Infrastructure.Commands;

/// <summary>The machine's live processes as /proc shows them, for checking what a run left behind.</summary>
public static class ProcessTable
{
    /// <summary>The ids of live (not zombie) processes whose command line contains <paramref name="text"/>.</summary>
    public static IReadOnlyList<int> Find(string text)
    {
        var found = new List<int>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid))
            {
                continue;
            }

            try
            {
                var commandLine = File.ReadAllText(Path.Combine(folder, "cmdline")).Replace('\0', ' ');
                var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                var state = stat[(stat.LastIndexOf(')') + 2)..].FirstOrDefault();
                if (commandLine.Contains(text, StringComparison.Ordinal) && state is not ('Z' or 'X'))
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours to read.
            }
        }

        return found;
    }

    /// <summary>Waits until no live process matches, or returns the ones still there after <paramref name="within"/>.</summary>
    public static async Task<IReadOnlyList<int>> WaitUntilGoneAsync(string text, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        IReadOnlyList<int> left;
        while ((left = Find(text)).Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        return left;
    }

    /// <summary>Waits until a live process matches; false when none did within <paramref name="within"/>.</summary>
    public static async Task<bool> WaitUntilRunningAsync(string text, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (Find(text).Count == 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }
}
