using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Ava.E2E.Infrastructure.DashboardFixture))]

namespace Ava.E2E.Infrastructure;

/// <summary>
/// What every browser test shares, once per run: the running dashboard, one Chromium, the saved
/// sign-ins of the demo users, and the app's services over its database for arranging data. Each test opens its own browser contexts, so no cookies leak between tests.
/// </summary>
public sealed class DashboardFixture : IDashboard, IAsyncLifetime
{
    private readonly Lazy<ServiceDatabase> _app;
    private DashboardHost? _host;
    private ChromiumBrowser? _chromium;

    public DashboardFixture()
    {
        SignIns = new SignInStates(this);
        _app = new Lazy<ServiceDatabase>(() => ServiceDatabase.Open(Host.ConnectionString));
    }

    public DashboardHost Host => _host ?? throw new InvalidOperationException("The dashboard has not started.");

    public SignInStates SignIns { get; }

    /// <summary>The app's own services over the running dashboard's database, for data no page creates.</summary>
    public ServiceDatabase App => _app.Value;

    public async ValueTask InitializeAsync()
    {
        // Blazor Server on a two-core machine can take a moment to answer; Playwright's 5 s default is tight.
        Assertions.SetDefaultExpectTimeout(15_000);

        var starting = DashboardHost.StartAsync(TestContext.Current.CancellationToken);
        var launching = ChromiumBrowser.LaunchAsync();
        try
        {
            await Task.WhenAll(starting, launching);
        }
        catch
        {
            // Nothing is guaranteed to dispose a fixture whose start failed: stop whichever half did start.
            if (starting.IsCompletedSuccessfully)
            {
                await starting.Result.DisposeAsync();
            }

            if (launching.IsCompletedSuccessfully)
            {
                await launching.Result.DisposeAsync();
            }

            throw;
        }

        _host = starting.Result;
        _chromium = launching.Result;
    }

    /// <summary>A new, isolated browser context on the dashboard, optionally carrying a saved sign-in.</summary>
    public Task<IBrowserContext> NewContextAsync(string? storageState = null) => NewContextAsync(Host, storageState);

    /// <summary>A new, isolated browser context of the run's Chromium on <paramref name="host"/> (this run's dashboard or another).</summary>
    public async Task<IBrowserContext> NewContextAsync(DashboardHost host, string? storageState)
    {
        var browser = _chromium?.Browser ?? throw new InvalidOperationException("Chromium has not started.");
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseUrl.ToString(),
            StorageState = storageState,
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Locale = "en-US",
            ColorScheme = ColorScheme.Light,
        });
        context.SetDefaultTimeout(15_000);
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app.IsValueCreated)
        {
            await _app.Value.DisposeAsync();
        }

        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }

        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
