using Ava.E2E.Infrastructure;
using Ava.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace Ava.E2E.Tests;

/// <summary>Prompt templates in the browser: an administrator publishes a version, compares it and activates it.</summary>
public sealed class PromptsTests(DashboardFixture dashboard) : BrowserTest(dashboard)
{
    [Fact]
    public async Task CreateCompareActivate_MakesTheNewVersionActive_WithTheReasonInTheHistory()
    {
        // Arrange
        var page = await OpenPageSignedInAsync(DemoUser.Admin);
        var prompts = new PromptsPage(page);
        await prompts.GotoAsync();
        await Expect(prompts.Provider).ToContainTextAsync("Offline generator");
        await Expect(prompts.Link("code_review")).ToHaveAttributeAsync("href", "/prompts/code_review");
        var detail = new PromptDetailPage(page);
        await detail.GotoAsync("code_review");
        await Expect(detail.ActiveVersion).ToHaveTextAsync("Active: 2.0.0");

        // The demo's offline runs are measured per version.
        await detail.ShowMetricsAsync();
        await Expect(detail.MetricsTable).ToContainTextAsync("2.0.0 (active)");
        Output.WriteLine($"Prompt metrics: {await page.SaveScreenshotAsync("prompt-metrics")}");
        await detail.ShowVersionsAsync();

        // Act: a new version whose system context asks for brevity.
        await detail.CreateVersionAsync("2.1.0", "Ask for shorter findings", "You are a senior software engineer.\nKeep each finding to one sentence.");
        await detail.CompareWithActiveAsync("2.1.0");

        // Assert: the diff shows the new line and the replaced one.
        await Expect(detail.AddedLines.Filter(new() { HasText = "Keep each finding to one sentence." })).ToHaveCountAsync(1);
        await Expect(detail.RemovedLines.Filter(new() { HasText = "conducting code reviews" })).ToHaveCountAsync(1);
        Output.WriteLine($"Prompt diff: {await page.SaveScreenshotAsync("prompt-diff")}");

        // Act
        await detail.ShowVersionsAsync();
        await detail.ActivateAsync("2.1.0", "Reviews were too long to read in the queue");

        // Assert
        await Expect(detail.ActiveVersion).ToHaveTextAsync("Active: 2.1.0");
        await Expect(detail.ActivationHistory).ToContainTextAsync("Reviews were too long to read in the queue");
        await Expect(detail.ActivationHistory).ToContainTextAsync("admin@ava.local");
        Output.WriteLine($"Prompt versions: {await page.SaveScreenshotAsync("prompt-versions")}");
    }
}
