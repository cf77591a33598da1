using System.Net;
using Ava.Domain.Security;
using Ava.Infrastructure.ApiTokens;
using Ava.Infrastructure.Identity;
using Ava.Tests.TestData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Tests.Web.Api;

/// <summary>Who may call the API: a valid personal access token and nothing else, not even the session cookie.</summary>
[Collection(DashboardAppCollection.Name)]
public sealed class ApiAuthenticationTests(AvaAppFactory app)
{
    private const string Me = "/api/v1/me";

    [Fact]
    public async Task Me_DescribesTheTokensUser_WithRolesAndPermissions()
    {
        using var client = await ApiClient.ForAsync(app, AvaAppFactory.DeveloperEmail);

        using var response = await client.GetAsync(Me, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var me = await response.ReadJsonAsync();
        me.GetProperty("email").GetString().ShouldBe(AvaAppFactory.DeveloperEmail);
        me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldBe([Roles.Developer]);
        me.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()).ShouldBe(PermissionTable.PermissionsOf([Roles.Developer]));
        me.GetProperty("canApprove").GetBoolean().ShouldBeFalse();
        me.GetProperty("approveReason").GetString().ShouldBe("None");
    }

    [Fact]
    public async Task Me_SaysTheUserMayApprove_BecauseOfTheApproverClaimTheCookieSignInWouldCarry()
    {
        var developer = await TestUsers.CreateAsync(app.Services, Roles.Developer);
        await using (var admin = await CallerScope.CreateAsync(app.Services, AvaAppFactory.AdminEmail))
        {
            await admin.ServiceProvider.GetRequiredService<UserAdministrationService>().SetApproverAsync(developer.Id, true);
        }

        using var client = await ApiClient.ForAsync(app, developer.Email!);
        var me = await (await client.GetAsync(Me, TestContext.Current.CancellationToken)).ReadJsonAsync();

        me.GetProperty("canApprove").GetBoolean().ShouldBeTrue();
        me.GetProperty("approveReason").GetString().ShouldBe("ApproverClaim");
    }

    [Fact]
    public async Task Me_ShowsANewRoleAtOnce_ForATokenCreatedBeforeTheChange()
    {
        var user = await TestUsers.CreateAsync(app.Services, Roles.Viewer);
        using var client = await ApiClient.ForAsync(app, user.Email!);
        (await (await client.GetAsync(Me, TestContext.Current.CancellationToken)).ReadJsonAsync()).GetProperty("roles")[0].GetString().ShouldBe(Roles.Viewer);

        await using (var admin = await CallerScope.CreateAsync(app.Services, AvaAppFactory.AdminEmail))
        {
            await admin.ServiceProvider.GetRequiredService<UserAdministrationService>().ChangeRoleAsync(user.Id, Roles.Developer);
        }

        var me = await (await client.GetAsync(Me, TestContext.Current.CancellationToken)).ReadJsonAsync();
        me.GetProperty("roles")[0].GetString().ShouldBe(Roles.Developer);
    }

    [Fact]
    public async Task Api_Answers401WithABearerChallenge_WithoutAToken()
    {
        using var client = ApiClient.WithToken(app, null);

        using var response = await client.GetAsync("/api/v1/streams", TestContext.Current.CancellationToken);

        var problem = await response.ReadProblemAsync(401);
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
        problem.GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("Authorization: Bearer");
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("ava_pat_0000000000000000000000000000000000000000")]
    public async Task Api_Answers401_ForATokenThatIsNotOneOfOurs(string token)
    {
        using var client = ApiClient.WithToken(app, token);

        using var response = await client.GetAsync(Me, TestContext.Current.CancellationToken);

        var problem = await response.ReadProblemAsync(401);
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer error=\"invalid_token\"");
        problem.GetProperty("detail").GetString().ShouldBe("The token is not valid.");
    }

    [Fact]
    public async Task Api_StopsAcceptingAToken_OnceItIsRevoked()
    {
        var created = await ApiClient.CreateTokenAsync(app, AvaAppFactory.ViewerEmail);
        using var client = ApiClient.WithToken(app, created.Secret);
        (await client.GetAsync(Me, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using (var owner = await CallerScope.CreateAsync(app.Services, AvaAppFactory.ViewerEmail))
        {
            await owner.ServiceProvider.GetRequiredService<ApiTokenService>().RevokeAsync(created.Token.Id);
        }

        using var response = await client.GetAsync(Me, TestContext.Current.CancellationToken);
        (await response.ReadProblemAsync(401)).GetProperty("detail").GetString().ShouldBe("The token has been revoked.");
    }

    [Fact]
    public async Task Api_StopsAcceptingAToken_OnceItHasExpired()
    {
        var created = await ApiClient.CreateTokenAsync(app, AvaAppFactory.ViewerEmail, expiresInDays: 1);
        using var client = ApiClient.WithToken(app, created.Secret);
        (await client.GetAsync(Me, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using (var db = app.OpenDatabase())
        {
            await db.ApiTokens.Where(t => t.Id == created.Token.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1)), TestContext.Current.CancellationToken);
        }

        using var response = await client.GetAsync(Me, TestContext.Current.CancellationToken);
        (await response.ReadProblemAsync(401)).GetProperty("detail").GetString().ShouldBe("The token has expired; create a new one.");
    }

    [Fact]
    public async Task Api_RefusesTheTokensOfALockedOutUser()
    {
        var viewer = await TestUsers.CreateAsync(app.Services, Roles.Viewer);
        using var client = await ApiClient.ForAsync(app, viewer.Email!);
        (await client.GetAsync(Me, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using (var admin = await CallerScope.CreateAsync(app.Services, AvaAppFactory.AdminEmail))
        {
            await admin.ServiceProvider.GetRequiredService<UserAdministrationService>().LockAsync(viewer.Id);
        }

        using var response = await client.GetAsync(Me, TestContext.Current.CancellationToken);
        (await response.ReadProblemAsync(401)).GetProperty("detail").GetString().ShouldBe("The token's user is locked out.");
    }

    [Fact]
    public async Task Api_IgnoresTheSessionCookie_SoABrowserSessionCannotBeUsedAgainstIt()
    {
        using var browser = await SignedInClient.CreateAsync(app, AvaAppFactory.AdminEmail);

        using var response = await browser.GetAsync(Me, TestContext.Current.CancellationToken);

        await response.ReadProblemAsync(401);
    }

    [Fact]
    public async Task Api_RecordsWhenATokenWasLastUsed()
    {
        var created = await ApiClient.CreateTokenAsync(app, AvaAppFactory.ViewerEmail);
        created.Token.LastUsedAt.ShouldBeNull();
        using var client = ApiClient.WithToken(app, created.Secret);

        await client.GetAsync(Me, TestContext.Current.CancellationToken);

        await using var db = app.OpenDatabase();
        var token = await db.ApiTokens.SingleAsync(t => t.Id == created.Token.Id, TestContext.Current.CancellationToken);
        token.LastUsedAt.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(created.Token.CreatedAt);
    }

    [Fact]
    public async Task Tokens_NeverReachTheLogs()
    {
        var created = await ApiClient.CreateTokenAsync(app, AvaAppFactory.DeveloperEmail);
        using var client = ApiClient.WithToken(app, created.Secret);
        await client.GetAsync(Me, TestContext.Current.CancellationToken);
        await client.PostJsonAsync("/api/v1/streams", new { title = "x", source = "Nowhere" });
        using var wrong = ApiClient.WithToken(app, created.Secret[..^1] + "0");
        await wrong.GetAsync(Me, TestContext.Current.CancellationToken);

        var random = created.Secret[Ava.Domain.ApiTokens.ApiTokenSecret.Scheme.Length..];
        app.Log.Entries.ShouldNotBeEmpty();
        app.Log.Entries.ShouldNotContain(entry => entry.Contains(random));
    }

    [Fact]
    public async Task QuickHealth_AnswersWithoutAToken()
    {
        using var client = ApiClient.WithToken(app, null);

        using var response = await client.GetAsync("/api/v1/health/quick", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadJsonAsync()).GetProperty("status").GetString().ShouldBe("Healthy");
    }

    [Fact]
    public async Task UnknownPath_Answers404Problem_AndAKnownPathWithAnotherMethod405()
    {
        using var client = await ApiClient.ForAsync(app, AvaAppFactory.ViewerEmail);

        using var unknown = await client.GetAsync("/api/v1/nothing-here", TestContext.Current.CancellationToken);
        using var wrongMethod = await client.DeleteAsync("/api/v1/streams/1", TestContext.Current.CancellationToken);

        await unknown.ReadProblemAsync(404);
        await wrongMethod.ReadProblemAsync(405);
        wrongMethod.Content.Headers.Allow.ShouldBe(["GET", "PUT"], ignoreOrder: true);
    }
}
