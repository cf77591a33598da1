using System.Text.RegularExpressions;
using Ava.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Ava.E2E.Pages;

/// <summary>One codestone at <c>/codestones/{id}</c>: its highlighted, numbered code and, for authors, its actions.</summary>
public sealed partial class CodestoneDetailPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>The code block: one <c>span.line</c> per source line.</summary>
    public ILocator Code => page.GetByTestId("code");

    public ILocator CodeLines => Code.Locator("span.line");

    /// <summary>Highlighted tokens: the spans with a highlighting class inside the lines.</summary>
    public ILocator HighlightedTokens => CodeLines.Locator("span[class]");

    /// <summary>The "N lines" caption above the code.</summary>
    public ILocator LineCountCaption => page.GetByText(LineCount());

    public ILocator EditButton => page.GetByRole(AriaRole.Button, new() { Name = "Edit", Exact = true });

    public ILocator DeleteButton => page.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true });

    /// <summary>The review status chip: "📝 Draft", "✅ Approved", …</summary>
    public ILocator ReviewStatus => page.GetByTestId("codestone-review-status");

    /// <summary>"ECL: 0.85", or "ECL: —" without one.</summary>
    public ILocator Ecl => page.GetByTestId("codestone-ecl");

    public ILocator RequestReviewButton => page.GetByRole(AriaRole.Button, new() { Name = "Request AI review", Exact = true });

    /// <summary>The codestone's AI reviews, newest first.</summary>
    public ILocator Reviews => page.GetByRole(AriaRole.Region, new() { Name = "AI reviews", Exact = true }).GetByTestId("code-review");

    /// <summary>The state of the newest review: Queued, Reviewing, Completed or Failed.</summary>
    public ILocator LatestReviewStatus => Reviews.First.GetByTestId("review-status");

    /// <summary>The link from the newest review to its recommendation in the approval queue.</summary>
    public ILocator LatestReviewRecommendation => Reviews.First.GetByTestId("review-recommendation");

    public async Task GotoAsync(long id)
    {
        await page.GotoAsync($"/codestones/{id}");
        await Assertions.Expect(Heading).ToBeVisibleAsync();
    }

    /// <summary>Asks for an AI review with the button on the page, once the page is live.</summary>
    public Task RequestReviewAsync() => RequestReviewButton.ClickWhenInteractiveAsync();

    /// <summary>How many lines the caption says the code has.</summary>
    public async Task<int> CaptionLineCountAsync() =>
        int.Parse(LineCount().Match(await LineCountCaption.InnerTextAsync()).Groups["count"].Value);

    /// <summary>What the gutter before the line at <paramref name="index"/> shows, as CSS generates it.</summary>
    public async Task<string> GutterAsync(int index) =>
        await CodeLines.Nth(index).EvaluateAsync<string>("line => getComputedStyle(line, '::before').content");

    /// <summary>How tall the code block is for its number of lines, in line heights per line: 1 when every source line takes one line.</summary>
    public async Task<double> LineHeightsPerLineAsync() =>
        await Code.EvaluateAsync<double>("""
            code => {
                const style = getComputedStyle(code);
                const content = code.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
                return content / (code.querySelectorAll('span.line').length * parseFloat(style.lineHeight));
            }
            """);

    [GeneratedRegex(@"^(?<count>\d+) lines?$")]
    private static partial Regex LineCount();
}
