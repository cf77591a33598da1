using Microsoft.Playwright;

namespace Ava.E2E.Infrastructure;

/// <summary>
/// A dashboard of its own for one test class, on the run's Chromium, for tests whose switches would reach every
/// other test on the shared dashboard (maintenance mode stops everyone who is not an Admin; a feature flag takes a
/// section away). Its demo users sign in once, like the shared dashboard's.
/// </summary>
public sealed class SeparateDashboard(DashboardFixture shared) : IDashboard, IAsyncLifetime
{
    private DashboardHost? _host;
    private ServiceDatabase? _app;
    private SignInStates? _signIns;

    public DashboardHost Host => _host ?? throw new InvalidOperationException("The dashboard has not started.");

    public SignInStates SignIns => _signIns ??= new SignInStates(this);

    public ServiceDatabase App => _app ??= ServiceDatabase.Open(Host.ConnectionString);

    public Task<IBrowserContext> NewContextAsync(string? storageState = null) => shared.NewContextAsync(Host, storageState);

    public async ValueTask InitializeAsync() => _host = await DashboardHost.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
