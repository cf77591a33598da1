using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Ava.E2E.Infrastructure;

/// <summary>
/// The real dashboard, started from the build output as a child process on a random loopback port,
/// in the Development environment, with a fresh SQLite file in a temporary folder and the demo accounts
/// seeded with a password made for this run. Its console output goes to <c>TestResults/dashboard.log</c>.
/// </summary>
public sealed partial class DashboardHost : IAsyncDisposable
{
    private const string DashboardAssembly = "Ava.Dashboard";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(240);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private readonly string _dataFolder;
    private readonly ConsoleLog _log;

    private DashboardHost(Process process, string dataFolder, ConsoleLog log, string demoPassword)
    {
        _process = process;
        _dataFolder = dataFolder;
        _log = log;
        DemoPassword = demoPassword;
    }

    /// <summary>Where the dashboard listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl { get; private set; } = default!;

    /// <summary>The password of the demo accounts in this run.</summary>
    public string DemoPassword { get; }

    /// <summary>The dashboard's SQLite database, for tests that prepare data through the app's own services.</summary>
    public string ConnectionString => ConnectionStringFor(_dataFolder);

    /// <summary>The dashboard process's id, for measurements of the process itself (processor affinity, memory, a heap dump).</summary>
    public int ProcessId => _process.Id;

    /// <param name="dataFolder">A folder whose <c>ava.db</c> the app should use (for example one prepared with bulk data); a new temporary one when null. It is deleted at the end either way.</param>
    /// <param name="environment">The ASP.NET Core environment; benchmarks measure Production.</param>
    /// <param name="publishedFolder">
    /// The output of <c>dotnet publish</c> to run instead of the build output; outside Development the app serves
    /// its static files only from a published folder.
    /// </param>
    public static async Task<DashboardHost> StartAsync(
        CancellationToken cancellationToken = default, string? dataFolder = null, string environment = "Development", string? publishedFolder = null)
    {
        var baseDirectory = publishedFolder ?? AppContext.BaseDirectory;
        var dashboardDll = Path.Combine(baseDirectory, DashboardAssembly + ".dll");
        if (!File.Exists(dashboardDll))
        {
            throw new FileNotFoundException("The dashboard is not in the test output; build Ava.E2E, which references it.", dashboardDll);
        }

        var contentRoot = publishedFolder ?? DashboardContentRoot(baseDirectory);
        dataFolder ??= Directory.CreateTempSubdirectory("ava-e2e-").FullName;
        var demoPassword = RandomNumberGenerator.GetHexString(32, lowercase: true);
        var log = new ConsoleLog(Path.Combine(TestArtifacts.Folder(), "dashboard.log"));
        var process = new Process { StartInfo = StartInfo(dashboardDll, contentRoot, dataFolder, demoPassword, environment), EnableRaisingEvents = true };

        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) => OnOutput(e.Data);
        process.ErrorDataReceived += (_, e) => OnOutput(e.Data);
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException(
            $"The dashboard exited with code {process.ExitCode} before it listened. Its last output:{Environment.NewLine}{log.Tail()}"));

        void OnOutput(string? line)
        {
            if (line is null)
            {
                return;
            }

            log.Write(line);
            if (ListeningLine().Match(line) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups["url"].Value.TrimEnd('/') + "/"));
            }
        }

        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var host = new DashboardHost(process, dataFolder, log, demoPassword);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(StartTimeout);
            host.BaseUrl = await listening.Task.WaitAsync(timeout.Token);
            await WaitUntilHealthyAsync(host.BaseUrl, timeout.Token);
            return host;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await host.DisposeAsync();
            throw new TimeoutException($"The dashboard did not become healthy within {StartTimeout.TotalSeconds} s. Its last output:{Environment.NewLine}{log.Tail()}");
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            using var timeout = new CancellationTokenSource(StopTimeout);
            await _process.WaitForExitAsync(timeout.Token);
        }

        _process.Dispose();
        _log.Dispose();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless; the operating system clears it eventually.
        }
    }

    private static ProcessStartInfo StartInfo(string dashboardDll, string contentRoot, string dataFolder, string demoPassword, string environmentName)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dashboardDll),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dashboardDll);
        start.ArgumentList.Add("--urls=http://127.0.0.1:0");
        start.ArgumentList.Add($"--contentRoot={contentRoot}");

        var environment = start.Environment;
        environment["ASPNETCORE_ENVIRONMENT"] = environmentName;
        environment["DOTNET_ENVIRONMENT"] = environmentName;
        environment["ConnectionStrings__Ava"] = ConnectionStringFor(dataFolder);
        environment["Database__Provider"] = "Sqlite";
        environment["Demo__Enabled"] = "true";
        environment["AVA_DEMO_PASSWORD"] = demoPassword;
        environment["LogFile__Path"] = "";

        // Every browser test signs in from 127.0.0.1, many as users made up for one test, some with a wrong
        // password on purpose: the per-address sign-in limits would soon refuse them all. Those limits are
        // tested in Ava.Tests on an app of their own.
        environment["Security__Throttle__SignInFailures"] = "100000";
        environment["Security__Throttle__SignInAccounts"] = "100000";
        environment.Remove("AVA_ADMIN_EMAIL");
        environment.Remove("AVA_ADMIN_PASSWORD");
        return start;
    }

    private static string ConnectionStringFor(string dataFolder) => $"Data Source={Path.Combine(dataFolder, "ava.db")}";

    /// <summary>
    /// The dashboard's project folder, as Microsoft.AspNetCore.Mvc.Testing records it at build time: the app then
    /// reads the repository's appsettings.json exactly as it does under <c>dotnet run</c>.
    /// </summary>
    private static string DashboardContentRoot(string baseDirectory)
    {
        var manifestPath = Path.Combine(baseDirectory, "MvcTestingAppManifest.json");
        var manifest = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(manifestPath)) ?? [];
        return manifest.FirstOrDefault(entry => entry.Key.StartsWith(DashboardAssembly + ",", StringComparison.Ordinal)).Value
            ?? throw new InvalidOperationException($"{manifestPath} names no content root for {DashboardAssembly}.");
    }

    private static async Task WaitUntilHealthyAsync(Uri baseUrl, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            try
            {
                using var response = await http.GetAsync("health/quick", cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not accepting connections yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // This one request timed out; the overall deadline has not passed.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
    }

    /// <summary>Kestrel's line, as plain text (Development) or inside a JSON log event (Production).</summary>
    [GeneratedRegex(@"Now listening on: (\\"")?(?<url>http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();

    /// <summary>The child's console output: all of it to a file, the last lines kept for error messages.</summary>
    private sealed class ConsoleLog(string path) : IDisposable
    {
        private const int TailLength = 60;
        private readonly StreamWriter _file = new(path, append: false) { AutoFlush = true };
        private readonly Queue<string> _tail = new();
        private readonly Lock _lock = new();
        private bool _closed;

        public void Write(string line)
        {
            lock (_lock)
            {
                if (_closed)
                {
                    return;
                }

                _file.WriteLine(line);
                _tail.Enqueue(line);
                if (_tail.Count > TailLength)
                {
                    _tail.Dequeue();
                }
            }
        }

        public string Tail()
        {
            lock (_lock)
            {
                return string.Join(Environment.NewLine, _tail);
            }
        }

        public void Dispose()
        {
            lock (_lock)
            {
                _closed = true;
                _file.Dispose();
            }
        }
    }
}
