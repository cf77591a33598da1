using Microsoft.Playwright;

namespace Ava.E2E.Infrastructure;

/// <summary>
/// Debian's Chromium driven by Playwright. Playwright never downloads a browser here: the machine's own
/// Chromium is used, <c>/usr/bin/chromium</c> unless <c>AVA_E2E_CHROMIUM</c> names another executable.
/// </summary>
public sealed class ChromiumBrowser : IAsyncDisposable
{
    public const string ExecutablePathVariable = "AVA_E2E_CHROMIUM";
    private const string DefaultExecutablePath = "/usr/bin/chromium";

    /// <summary>
    /// Switches every launch gets. Without the background-networking ones Chromium keeps calling home, and on a
    /// closed network every attempt is a refused connection.
    /// </summary>
    public static readonly IReadOnlyList<string> Switches =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright _playwright;

    private ChromiumBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<ChromiumBrowser> LaunchAsync()
    {
        var executablePath = ExecutablePath();
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = executablePath,
                Headless = true,
                Args = [.. Switches],
            });
            return new ChromiumBrowser(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>The Chromium executable to launch; throws with what to install when it is missing.</summary>
    public static string ExecutablePath()
    {
        var executablePath = Environment.GetEnvironmentVariable(ExecutablePathVariable) is { Length: > 0 } configured
            ? configured
            : DefaultExecutablePath;
        if (!File.Exists(executablePath))
        {
            throw new FileNotFoundException(
                $"Chromium is not at {executablePath}. Install Debian's package (apt-get install -y chromium) or set {ExecutablePathVariable}.",
                executablePath);
        }

        return executablePath;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
