using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Ava.Tests.Web;

/// <summary>The built app as a process: a bad setting stops the start with exit code 1 and a message naming it.</summary>
public sealed class ProgramStartupTests : IDisposable
{
    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("ava-start-").FullName;

    [Fact]
    public async Task Main_ExitsWithCodeOneAndNamesTheSetting_WhenDatabaseProviderIsUnknown()
    {
        // The referenced app is copied next to the tests, with its own runtimeconfig and deps files.
        var appDll = Path.Combine(AppContext.BaseDirectory, "Ava.Dashboard.dll");
        File.Exists(appDll).ShouldBeTrue();
        var start = new ProcessStartInfo(DotnetHost(), [appDll, "--Database:Provider=Oracle"])
        {
            WorkingDirectory = _workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        using var process = Process.Start(start).ShouldNotBeNull();
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await WaitForExitAsync(process, TimeSpan.FromSeconds(60));

        process.ExitCode.ShouldBe(1, await stdout);
        (await stderr).ShouldContain("Database:Provider 'Oracle' is not supported");
    }

    [Fact]
    public async Task Main_ExitsWithCodeOneAndNamesTheDefinition_WhenAnAllowListedCommandIsAShellGivenACommandString()
    {
        var appDll = Path.Combine(AppContext.BaseDirectory, "Ava.Dashboard.dll");
        var start = new ProcessStartInfo(DotnetHost(), [appDll,
            "--Commands:Definitions:0:Name=cleanup", "--Commands:Definitions:0:Executable=/bin/sh",
            "--Commands:Definitions:0:Arguments:0:Value=-c", "--Commands:Definitions:0:Arguments:1:Value=rm -rf /tmp/cache"])
        {
            WorkingDirectory = _workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        using var process = Process.Start(start).ShouldNotBeNull();
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await WaitForExitAsync(process, TimeSpan.FromSeconds(60));

        process.ExitCode.ShouldBe(1, await stdout);
        (await stderr).ShouldContain("Commands:Definitions:0 ('cleanup'): Executable '/bin/sh' is a shell or interpreter and '-c' would give it a command string");
    }

    public void Dispose() => Directory.Delete(_workingDirectory, recursive: true);

    private static async Task WaitForExitAsync(Process process, TimeSpan limit)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
    }

    /// <summary>The dotnet host of the runtime running the tests: its root is three folders above the runtime's own.</summary>
    private static string DotnetHost()
    {
        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var host = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(host) ? host : "dotnet";
    }
}
