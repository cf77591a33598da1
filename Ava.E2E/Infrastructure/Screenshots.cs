using Microsoft.Playwright;

namespace Ava.E2E.Infrastructure;

/// <summary>Screenshots a run keeps for people to look at, under <c>TestResults/screenshots/</c>.</summary>
public static class Screenshots
{
    /// <summary>Saves the whole page as <c>screenshots/{name}.png</c> and returns the file's path.</summary>
    public static async Task<string> SaveScreenshotAsync(this IPage page, string name)
    {
        var path = Path.Combine(TestArtifacts.Folder("screenshots"), $"{TestArtifacts.SafeName(name)}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }
}
