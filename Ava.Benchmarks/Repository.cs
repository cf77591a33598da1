using System.Diagnostics;

namespace Ava.Benchmarks;

/// <summary>The repository the benchmarks run from: its root, the <c>dotnet</c> commands they run, the published dashboard.</summary>
internal static class Repository
{
    public static string Root()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Ava.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The benchmark runs from inside the repository (Ava.sln not found above it).");
    }

    /// <summary>Publishes the dashboard (Release) to a fresh folder, as it is deployed; the folder goes when disposed.</summary>
    /// <param name="readyToRun">Precompiles the assemblies for this machine's runtime identifier (ReadyToRun).</param>
    public static async Task<PublishedDashboard> PublishDashboardAsync(bool readyToRun = false)
    {
        var published = new PublishedDashboard(Directory.CreateTempSubdirectory("ava-benchmark-publish-").FullName);
        string[] arguments = ["publish", Path.Combine(Root(), "Ava.Dashboard"), "-c", "Release", "-o", published.Folder, "-nologo", "-v", "quiet"];
        if (readyToRun)
        {
            arguments = [.. arguments, "-r", System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier, "--self-contained", "false", "-p:PublishReadyToRun=true"];
        }

        Console.WriteLine($"<!-- publishing the dashboard (Release{(readyToRun ? ", ReadyToRun" : "")}) -->");
        await DotnetAsync(arguments);
        return published;
    }

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/> and returns its output; throws with its errors when it fails.</summary>
    public static async Task<string> DotnetAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed: {await error}{await output}");
        }

        return await output;
    }
}

/// <summary>A published copy of the dashboard in a temporary folder of its own, deleted when disposed.</summary>
internal sealed class PublishedDashboard(string folder) : IDisposable
{
    public string Folder { get; } = folder;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open stays behind in the temporary folder.
        }
    }
}
