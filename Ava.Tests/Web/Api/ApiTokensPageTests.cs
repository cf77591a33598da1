using System.Net;
using System.Text.RegularExpressions;
using Ava.Domain.Security;
using Ava.Tests.TestData;
using Microsoft.EntityFrameworkCore;

namespace Ava.Tests.Web.Api;

/// <summary>The account page for API tokens, driven over HTTP the way a browser submits its static forms.</summary>
[Collection(DashboardAppCollection.Name)]
public sealed partial class ApiTokensPageTests(AvaAppFactory app)
{
    private const string PagePath = "/Account/Manage/ApiTokens";

    [Fact]
    public async Task Page_SaysThereAreNoTokens_ForAUserWithoutAny()
    {
        using var browser = await SignInAsNewUserAsync();

        var html = await GetPageAsync(browser, PagePath);

        html.ShouldContain("You have no API tokens yet.");
        html.ShouldNotContain("aria-label=\"Your API tokens\"");
    }

    [Fact]
    public async Task Create_RedirectsToTheTokenShownOnce_ThenListsOnlyItsPrefix()
    {
        using var browser = await SignInAsNewUserAsync();

        using var created = await SubmitAsync(browser, PagePath, "create-api-token", new() { ["Input.Name"] = "nightly export", ["Input.ExpiresInDays"] = "30", ["Input.Password"] = TestUsers.Password });

        // Post, redirect, get: reloading the page that shows the token cannot create another one.
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = new Uri(browser.BaseAddress!, created.Headers.Location!);
        location.AbsolutePath.ShouldBe(PagePath);
        using var shown = await browser.GetAsync(location.PathAndQuery, TestContext.Current.CancellationToken);
        shown.Headers.CacheControl?.NoStore.ShouldBeTrue();
        var shownHtml = await shown.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        shownHtml.ShouldContain("you will not see it again");
        shownHtml.ShouldContain("It expires ");
        var secret = Secret().Matches(shownHtml).Select(m => m.Value).Distinct().ShouldHaveSingleItem();

        var listHtml = await GetPageAsync(browser, PagePath);
        Secret().IsMatch(listHtml).ShouldBeFalse("the list must never show a token's secret again");
        listHtml.ShouldContain($"<code>{secret[..14]}…</code>");
        Regex.Matches(listHtml, "<td>nightly export</td>").Count.ShouldBe(1);
        using var api = ApiClient.WithToken(app, secret);
        (await api.GetAsync("/api/v1/me", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Form_OffersNinetyDaysAsTheDefaultExpiry()
    {
        using var browser = await SignInAsNewUserAsync();

        var html = await GetPageAsync(browser, PagePath);

        html.ShouldContain("<option value=\"90\" selected>90 days</option>");
        html.ShouldNotContain(">Never</option>", Case.Insensitive, "a token that never expires is the administrator's decision (ApiTokens:AllowNoExpiry)");
    }

    [Fact]
    public async Task Create_AsksForThePasswordAgain_AndCreatesNothingWhenItIsWrong()
    {
        var (browser, email) = await SignInAsNewUserWithEmailAsync();
        using var _ = browser;

        using var response = await SubmitAsync(browser, PagePath, "create-api-token", new() { ["Input.Name"] = "stolen session", ["Input.ExpiresInDays"] = "30", ["Input.Password"] = "not my password" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("The password is not correct.");
        await using var db = app.OpenDatabase();
        var owner = await db.Users.SingleAsync(u => u.Email == email, TestContext.Current.CancellationToken);
        (await db.ApiTokens.CountAsync(t => t.OwnerId == owner.Id, TestContext.Current.CancellationToken)).ShouldBe(0);
        owner.AccessFailedCount.ShouldBe(1);
    }

    [Fact]
    public async Task Create_ShowsTheRuleMessage_WhenTheNameIsEmpty()
    {
        using var browser = await SignInAsNewUserAsync();

        using var response = await SubmitAsync(browser, PagePath, "create-api-token", new() { ["Input.Name"] = "  ", ["Input.ExpiresInDays"] = "30", ["Input.Password"] = TestUsers.Password });

        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        html.ShouldContain("Name is required.");
        Secret().IsMatch(html).ShouldBeFalse();
    }

    [Fact]
    public async Task Revoke_AsksForConfirmation_ThenTheTokenStopsWorking()
    {
        var (browser, email) = await SignInAsNewUserWithEmailAsync();
        using var _ = browser;
        var token = await ApiClient.CreateTokenAsync(app, email, "to be revoked");
        var confirmPath = $"{PagePath}?revoke={token.Token.Id}";

        var confirmation = await GetPageAsync(browser, confirmPath);
        confirmation.ShouldContain("Revoke <strong>to be revoked</strong>");
        using var revoked = await SubmitAsync(browser, confirmPath, "revoke-api-token", new() { ["RevokeId"] = token.Token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        revoked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = new Uri(browser.BaseAddress!, revoked.Headers.Location!);
        location.AbsolutePath.ShouldBe(PagePath);
        var after = await GetPageAsync(browser, location.PathAndQuery);
        WebUtility.HtmlDecode(after).ShouldContain("Token “to be revoked” revoked.");
        after.ShouldContain($"Revoked by {email}");
        using var api = ApiClient.WithToken(app, token.Secret);
        (await api.GetAsync("/api/v1/me", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ChangePassword_OffersToRevokeTheTokens_AndRevokesThemWhenTheBoxStaysChecked()
    {
        var (browser, email) = await SignInAsNewUserWithEmailAsync();
        using var _ = browser;
        var token = await ApiClient.CreateTokenAsync(app, email, "laptop script");
        const string changePath = "/Account/Manage/ChangePassword";

        (await GetPageAsync(browser, changePath)).ShouldContain("Also revoke my 1 active API token");
        using var changed = await SubmitAsync(browser, changePath, "change-password", new()
        {
            ["Input.OldPassword"] = TestUsers.Password,
            ["Input.NewPassword"] = "a-new-password-long-enough",
            ["Input.ConfirmPassword"] = "a-new-password-long-enough",
            ["Input.RevokeApiTokens"] = "true",
        });

        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var api = ApiClient.WithToken(app, token.Secret);
        (await api.GetAsync("/api/v1/me", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private async Task<HttpClient> SignInAsNewUserAsync() => (await SignInAsNewUserWithEmailAsync()).Browser;

    private async Task<(HttpClient Browser, string Email)> SignInAsNewUserWithEmailAsync()
    {
        var user = await TestUsers.CreateAsync(app.Services, Roles.Developer);
        return (await SignedInClient.CreateAsync(app, user.Email!, TestUsers.Password), user.Email!);
    }

    private static async Task<string> GetPageAsync(HttpClient browser, string path)
    {
        using var response = await browser.GetAsync(path, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Loads the page for its antiforgery token, then posts the named form back to it.</summary>
    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient browser, string path, string formName, Dictionary<string, string> fields)
    {
        var html = await GetPageAsync(browser, path);
        var token = AntiforgeryValue().Match(html);
        token.Success.ShouldBeTrue("the page has no antiforgery token");
        fields["_handler"] = formName;
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups["token"].Value);
        using var form = new FormUrlEncodedContent(fields);
        return await browser.PostAsync(path, form, TestContext.Current.CancellationToken);
    }

    [GeneratedRegex("ava_pat_[0-9A-Za-z]{40}")]
    private static partial Regex Secret();

    [GeneratedRegex("""name="__RequestVerificationToken"[^>]*value="(?<token>[^"]*)""")]
    private static partial Regex AntiforgeryValue();
}
