using System.Net;
using Ava.Domain.Security;
using Ava.Infrastructure.Identity;
using Ava.Tests.TestData;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Tests.Web;

/// <summary>The sign-in page counts failed passwords towards the lockout (5 failures, 15 minutes).</summary>
[Collection(DashboardAppCollection.Name)]
public sealed class SignInLockoutTests(AvaAppFactory app)
{
    private const string LockoutPath = "/Account/Lockout";
    private const string WrongPassword = "not-the-right-password";

    [Fact]
    public async Task SignIn_ShowsTheSameErrorAndStaysOnThePage_WhenPasswordIsWrongBeforeTheLimit()
    {
        var user = await TestUsers.CreateAsync(app.Services, Roles.Viewer);
        using var client = SignedInClient.Anonymous(app);

        for (var attempt = 1; attempt < 5; attempt++)
        {
            using var response = await SignInForm.SubmitAsync(client, user.Email!, WrongPassword, TestContext.Current.CancellationToken);

            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("The email or password is not correct.");
        }

        var reloaded = await TestUsers.ReloadAsync(app.Services, user.Id);
        reloaded.AccessFailedCount.ShouldBe(4);
        reloaded.LockoutEnd.ShouldBeNull();
    }

    [Fact]
    public async Task SignIn_RedirectsToLockoutEvenWithTheRightPassword_AfterFiveFailedAttempts()
    {
        var user = await TestUsers.CreateAsync(app.Services, Roles.Viewer);
        using var client = SignedInClient.Anonymous(app);
        await FailFiveTimesAsync(client, user.Email!);

        using var response = await SignInForm.SubmitAsync(client, user.Email!, TestUsers.Password, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        new Uri(client.BaseAddress!, response.Headers.Location!).AbsolutePath.ShouldBe(LockoutPath);
        response.Headers.TryGetValues("Set-Cookie", out var cookies);
        (cookies ?? []).ShouldNotContain(c => c.StartsWith("Ava.Session=", StringComparison.Ordinal), "a locked-out account must not get a session");
    }

    [Fact]
    public async Task SignIn_LocksTheAccountForFifteenMinutes_AfterFiveFailedAttempts()
    {
        var user = await TestUsers.CreateAsync(app.Services, Roles.Viewer);
        using var client = SignedInClient.Anonymous(app);
        var before = DateTimeOffset.UtcNow;

        await FailFiveTimesAsync(client, user.Email!);

        var after = DateTimeOffset.UtcNow;
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AvaUser>>();
        var locked = (await users.FindByIdAsync(user.Id)).ShouldNotBeNull();
        (await users.IsLockedOutAsync(locked)).ShouldBeTrue();
        var lockoutEnd = locked.LockoutEnd.ShouldNotBeNull();
        lockoutEnd.ShouldBeGreaterThan(before.AddMinutes(14));
        lockoutEnd.ShouldBeLessThan(after.AddMinutes(16));
    }

    private static async Task FailFiveTimesAsync(HttpClient client, string email)
    {
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var response = await SignInForm.SubmitAsync(client, email, WrongPassword, TestContext.Current.CancellationToken);
        }
    }
}
