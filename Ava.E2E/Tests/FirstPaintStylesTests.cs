using System.Net;
using System.Text.RegularExpressions;
using Ava.Dashboard.Hosting;
using Ava.E2E.Infrastructure;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Ava.E2E.Tests;

/// <summary>
/// A full page load paints with the first-paint part of MudBlazor's style sheet (<see cref="FirstPaintStyles"/>), so
/// every MudBlazor class in a page's HTML must be on its list, or that page's first paint would miss its rules.
/// </summary>
public sealed partial class FirstPaintStylesTests(DashboardFixture dashboard) : BrowserTest(dashboard)
{
    [Fact]
    public async Task EveryPagesHtml_UsesOnlyMudBlazorClassesOfTheFirstPaintList_ForEachRoleAndSignedOut()
    {
        // Arrange: the classes of MudBlazor's sheet, and every page's HTML as the server sends it, for each role.
        var signedOut = await OpenPageAsync();
        var sheet = await GetTextAsync(signedOut.Context.APIRequest, FirstPaintStyles.MudBlazorSheet);
        var mudBlazorClasses = ClassInSelector().Matches(sheet).Select(m => m.Groups[1].Value.Replace("\\", "", StringComparison.Ordinal)).ToHashSet();
        var missing = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var pages = 0;

        // Act
        foreach (var user in new[] { DemoUser.Admin, DemoUser.Developer, DemoUser.Viewer })
        {
            var page = await OpenPageSignedInAsync(user);
            foreach (var (_, address) in await App.PagesOfAsync(user))
            {
                Record(await GetTextAsync(page.Context.APIRequest, address), $"{address} as {user.Role}");
            }
        }

        foreach (var route in DashboardRoutes.All.Where(route => route.IsSignedOut))
        {
            Record(await GetTextAsync(signedOut.Context.APIRequest, route.Template), $"{route.Template} signed out");
        }

        // Assert
        pages.ShouldBeGreaterThan(20);
        missing.ShouldBeEmpty(
            "each of these classes is in a page's HTML and in MudBlazor's sheet; add them to Ava.Dashboard/Hosting/first-paint-classes.txt:"
            + Environment.NewLine + string.Join(Environment.NewLine, missing.Select(m => $"{m.Key}    ({m.Value})")));

        void Record(string html, string where)
        {
            pages++;
            foreach (var name in ClassAttribute().Matches(html).SelectMany(m => WebUtility.HtmlDecode(m.Groups[1].Value).Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            {
                if (mudBlazorClasses.Contains(name) && !FirstPaintStyles.Classes.Contains(name))
                {
                    missing.TryAdd(name, where);
                }
            }
        }
    }

    [Fact]
    public async Task FullPageLoad_PaintsWithThePart_ThenAppliesMudBlazorsWholeSheet()
    {
        // Arrange
        var page = await OpenPageSignedInAsync(DemoUser.Viewer);

        // Act
        await page.GotoAsync("/streams");

        // Assert: the part is linked first and is a fraction of the whole; the whole sheet is applied once the page
        // has painted, and again after a navigation that copies the page's head.
        var part = page.Locator("link[rel=stylesheet][href^='first-paint.css']");
        await Expect(part).ToHaveCountAsync(1);
        var whole = page.Locator("link[data-deferred-styles]");
        await Expect(whole).ToHaveAttributeAsync("media", "all");
        var sizes = await page.EvaluateAsync<int[]>("""
            () => ["link[href^='first-paint.css']", "link[data-deferred-styles]"].map(s => document.querySelector(s).sheet.cssRules.length)
            """);
        sizes.Length.ShouldBe(2);
        sizes[0].ShouldBeLessThan(sizes[1] / 2, $"the part has {sizes[0]} rules, the whole sheet {sizes[1]}");
        var response = await page.Context.APIRequest.GetAsync(await part.GetAttributeAsync("href") ?? "", new() { Headers = new Dictionary<string, string> { ["Accept-Encoding"] = "br" } });
        response.Status.ShouldBe(200);
        response.Headers["cache-control"].ShouldContain("immutable");
        response.Headers["content-type"].ShouldStartWith("text/css");
    }

    [Fact]
    public async Task WholeSheet_StaysApplied_AfterAnEnhancedNavigationBetweenAccountPages()
    {
        // Arrange: the account pages render without a circuit, and Blazor moves between them by copying the next
        // page's HTML into the document, its head included.
        var page = await OpenPageSignedInAsync(DemoUser.Viewer);
        await page.GotoAsync("/Account/Manage");
        var whole = page.Locator("link[data-deferred-styles]");
        await Expect(whole).ToHaveAttributeAsync("media", "all");
        await page.EvaluateAsync("() => window.notReloaded = true");

        // Act
        await page.GetByRole(AriaRole.Link, new() { Name = "Password", Exact = true }).ClickAsync();

        // Assert: the same document, the next page, and MudBlazor's sheet still applies to the screen.
        await Expect(page).ToHaveURLAsync(UrlOf("/Account/Manage/ChangePassword"));
        (await page.EvaluateAsync<bool>("() => window.notReloaded === true")).ShouldBeTrue("the navigation was an enhanced one, not a full load");
        await Expect(whole).ToHaveAttributeAsync("media", "all");
    }

    private static async Task<string> GetTextAsync(IAPIRequestContext request, string address)
    {
        var response = await request.GetAsync(address.TrimStart('/'));
        response.Ok.ShouldBeTrue($"{address} answered {response.Status}");
        return await response.TextAsync();
    }

    [GeneratedRegex(@"\sclass=""([^""]*)""")]
    private static partial Regex ClassAttribute();

    [GeneratedRegex(@"\.((?:-?[_a-zA-Z]|\\.)(?:[\w-]|\\.)*)")]
    private static partial Regex ClassInSelector();
}
