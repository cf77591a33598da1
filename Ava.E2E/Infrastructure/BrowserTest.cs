using Microsoft.Playwright;

namespace Ava.E2E.Infrastructure;

/// <summary>
/// Base of the browser tests: opens pages in fresh browser contexts, closes them afterwards, and when a
/// test fails keeps a screenshot of every page it had open under <c>TestResults/failures/</c>.
/// </summary>
public abstract class BrowserTest(IDashboard dashboard) : IAsyncDisposable
{
    private readonly List<IBrowserContext> _contexts = [];

    protected string DemoPassword => dashboard.Host.DemoPassword;

    /// <summary>The app's own services over the dashboard's database, for arranging data that no page creates.</summary>
    protected ServiceDatabase App => dashboard.App;

    protected static ITestOutputHelper Output =>
        TestContext.Current.TestOutputHelper ?? throw new InvalidOperationException("No test is running.");

    /// <summary>The absolute address of a path on the dashboard, as the browser shows it.</summary>
    protected string UrlOf(string path) => new Uri(dashboard.Host.BaseUrl, path).ToString();

    /// <summary>A page in a new browser context where nobody is signed in.</summary>
    protected async Task<IPage> OpenPageAsync()
    {
        var context = await dashboard.NewContextAsync();
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>A page in a new browser context that carries the saved sign-in of <paramref name="user"/>.</summary>
    protected async Task<IPage> OpenPageSignedInAsync(DemoUser user)
    {
        var context = await dashboard.NewContextAsync(await dashboard.SignIns.GetAsync(user));
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (TestContext.Current.TestState?.Result == TestResult.Failed)
        {
            await KeepScreenshotsAsync();
        }

        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }

        GC.SuppressFinalize(this);
    }

    private async Task KeepScreenshotsAsync()
    {
        var folder = TestArtifacts.Folder("failures");
        var testName = TestArtifacts.SafeName(TestContext.Current.Test?.TestDisplayName ?? GetType().Name);
        var pages = _contexts.SelectMany(context => context.Pages).ToList();
        for (var i = 0; i < pages.Count; i++)
        {
            var path = Path.Combine(folder, $"{testName}-{i + 1}.png");
            try
            {
                await pages[i].ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
                TestContext.Current.TestOutputHelper?.WriteLine($"Screenshot of {pages[i].Url}: {path}");
            }
            catch (PlaywrightException)
            {
                // The page is gone; there is nothing to show.
            }
        }
    }
}
