using System.Globalization;
using System.Text.RegularExpressions;
using Ava.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Ava.E2E.Pages;

/// <summary>
/// One morning briefing at <c>/briefings/{date}</c>: its text, the offline-generator notice, the streams it drew on,
/// the previous and next day, and the reader's own 1–5 rating with an optional comment.
/// </summary>
public sealed partial class BriefingPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1, NameRegex = BriefingHeading() });

    /// <summary>The briefing's Markdown, rendered.</summary>
    public ILocator Text => page.GetByTestId("briefing-text");

    public ILocator OfflineNotice => page.GetByTestId("offline-notice");

    /// <summary>The links to the streams the briefing drew on.</summary>
    public ILocator SourceLinks => page.GetByRole(AriaRole.List, new() { Name = "Sources", Exact = true }).GetByRole(AriaRole.Link);

    public ILocator PreviousDay => page.GetByRole(AriaRole.Navigation, new() { Name = "Other days" }).GetByRole(AriaRole.Link, new() { Name = "Previous day" });

    /// <summary>"4.0 ★ from 3 readers", or that nobody has rated it yet.</summary>
    public ILocator RatingSummary => page.GetByTestId("rating-summary");

    /// <summary>"You rated it N ★ on …", once the reader has.</summary>
    public ILocator MyRating => page.GetByTestId("briefing-rating").GetByText(MyRatingText());

    private ILocator RatingCard => page.GetByTestId("briefing-rating");

    public async Task GotoAsync(DateOnly date)
    {
        await page.GotoAsync($"/briefings/{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        await Assertions.Expect(Heading).ToBeVisibleAsync();
    }

    /// <summary>Chooses <paramref name="stars"/> stars, writes <paramref name="comment"/> and saves with Rate (or Change rating).</summary>
    public async Task RateAsync(int stars, string comment)
    {
        var rating = RatingCard.GetByRole(AriaRole.Radiogroup);
        await rating.WaitUntilInteractiveAsync();
        // Each star is a visually hidden radio inside the element that handles the click; the click bubbles to it.
        await rating.GetByRole(AriaRole.Radio, new() { Name = $"{stars} rating", Exact = true }).DispatchEventAsync("click");
        await Assertions.Expect(rating.GetByRole(AriaRole.Radio, new() { Name = $"{stars} rating", Exact = true })).ToBeCheckedAsync();
        await RatingCard.GetByRole(AriaRole.Textbox, new() { Name = "Comment (optional)" }).FillAsync(comment);
        await RatingCard.GetByRole(AriaRole.Button, new() { NameRegex = SaveButton() }).ClickAsync();
    }

    [GeneratedRegex(@"^Morning briefing · \d{4}-\d{2}-\d{2}$")]
    private static partial Regex BriefingHeading();

    [GeneratedRegex(@"^You rated it \d ★ on ")]
    private static partial Regex MyRatingText();

    [GeneratedRegex("^(Rate|Change rating)$")]
    private static partial Regex SaveButton();
}
