using System.Diagnostics;
using System.Net;
using System.Runtime.InteropServices;
using Ava.Domain.Security;
using Ava.Tests.TestData;

namespace Ava.Tests.Web.Api;

/// <summary>
/// <c>token create</c> run as the built app in its own process, pointed at the test app's database
/// through the same setting an operator would use (<c>ConnectionStrings__Ava</c>).
/// </summary>
[Collection(DashboardAppCollection.Name)]
public sealed class ApiTokenCommandTests(AvaAppFactory app) : IDisposable
{
    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("ava-cli-").FullName;

    [Fact]
    public async Task TokenCreate_PrintsOnlyAWorkingToken_ForAUserOfTheConfiguredDatabase()
    {
        // A user of its own: the shared app's demo users hold the tokens of every other API test, up to the per-user cap.
        var developer = await TestUsers.CreateAsync(app.Services, Roles.Developer);

        var (exitCode, output, errors) = await RunAsync("token", "create", "--email", developer.Email!, "--name", "deploy script", "--expires-days", "7");

        exitCode.ShouldBe(0, errors);
        var token = output.Trim();
        token.ShouldMatch("^ava_pat_[0-9A-Za-z]{40}$");
        errors.ShouldContain("Copy it now");
        using var api = ApiClient.WithToken(app, token);
        using var response = await api.GetAsync("/api/v1/me", TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadJsonAsync()).GetProperty("email").GetString().ShouldBe(developer.Email);
    }

    [Fact]
    public async Task TokenCreate_ExitsWithAnErrorAndNoToken_ForAnUnknownUserOrMissingArguments()
    {
        _ = app.Services;

        var unknown = await RunAsync("token", "create", "--email", "nobody@ava.local", "--name", "x");
        var incomplete = await RunAsync("token", "create", "--email", AvaAppFactory.DeveloperEmail);

        unknown.ExitCode.ShouldBe(1);
        unknown.Errors.ShouldContain("There is no user with the email 'nobody@ava.local'.");
        unknown.Output.ShouldBeEmpty();
        incomplete.ExitCode.ShouldBe(2);
        incomplete.Errors.ShouldContain("Usage: token create --email");
    }

    public void Dispose() => Directory.Delete(_workingDirectory, recursive: true);

    private async Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] args)
    {
        // The referenced app is copied next to the tests, with its own runtimeconfig and deps files.
        var start = new ProcessStartInfo(DotnetHost(), [Path.Combine(AppContext.BaseDirectory, "Ava.Dashboard.dll"), .. args])
        {
            WorkingDirectory = _workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ConnectionStrings__Ava"] = app.ConnectionString;
        start.Environment["LogFile__Path"] = "";
        // The shared test app's users hold many tokens from other tests; the cap itself is tested on its own.
        start.Environment["ApiTokens__MaxActivePerUser"] = "100000";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        using var process = Process.Start(start).ShouldNotBeNull();
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await errors);
    }

    /// <summary>The dotnet host of the runtime running the tests: its root is three folders above the runtime's own.</summary>
    private static string DotnetHost()
    {
        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var host = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(host) ? host : "dotnet";
    }
}
