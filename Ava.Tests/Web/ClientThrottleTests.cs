using System.Net;
using Ava.Domain.Security;
using Ava.Tests.TestData;
using Ava.Tests.Web.Api;
using Microsoft.EntityFrameworkCore;

namespace Ava.Tests.Web;

/// <summary>An address that keeps being refused is answered 429 before authorization and the audit trail see it.</summary>
public sealed class RefusedRequestThrottleTests(RefusedRequestThrottleTests.App app) : IClassFixture<RefusedRequestThrottleTests.App>
{
    public sealed class App : AvaAppFactory
    {
        public App() => WithSetting("Security:Throttle:RefusedRequests", "5").WithSetting("Security:Throttle:RefusedWindowSeconds", "60");
    }

    [Fact]
    public async Task RefusedRequests_Become429WithRetryAfter_OnceTheAddressUsedItsAllowance_AndStopWritingAViolationEach()
    {
        using var viewer = await ApiClient.ForAsync(app, AvaAppFactory.ViewerEmail);
        int violationsBefore;
        await using (var before = app.OpenDatabase())
        {
            violationsBefore = await before.AuditEvents.CountAsync(e => e.Action == SecurityAuditActions.Violation, TestContext.Current.CancellationToken);
        }

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 12; i++)
        {
            last?.Dispose();
            last = await viewer.PostJsonAsync("/api/v1/recommendations/1/approve", new { });
            statuses.Add(last.StatusCode);
        }

        statuses.Take(5).ShouldAllBe(s => s == HttpStatusCode.Forbidden);
        statuses.Skip(5).ShouldAllBe(s => s == HttpStatusCode.TooManyRequests);
        (await last!.ReadProblemAsync(429)).GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("Too many refused requests");
        last!.Headers.RetryAfter.ShouldNotBeNull().Delta.ShouldBe(TimeSpan.FromSeconds(60));
        last!.Dispose();
        await using var db = app.OpenDatabase();
        (await db.AuditEvents.CountAsync(e => e.Action == SecurityAuditActions.Violation, TestContext.Current.CancellationToken)).ShouldBe(violationsBefore + 5);
        var throttled = await db.AuditEvents.SingleAsync(e => e.Action == SecurityAuditActions.Throttled, TestContext.Current.CancellationToken);
        throttled.Error.ShouldNotBeNull().ShouldContain("5 refused requests within 60 s");
    }
}

/// <summary>Failed sign-ins are limited per address, and one address cannot lock out account after account.</summary>
public sealed class SignInThrottleTests(SignInThrottleTests.App app) : IClassFixture<SignInThrottleTests.App>
{
    public sealed class App : AvaAppFactory
    {
        public App() => WithSetting("Security:Throttle:SignInAccounts", "2").WithSetting("Security:Throttle:SignInFailures", "6");
    }

    private const string WrongPassword = "not-the-right-password";

    [Fact]
    public async Task AnAddress_CannotLockOutAThirdAccount_NorFailMoreThanItsLimit_WhileTheRightPasswordStillSignsIn()
    {
        var first = await TestUsers.CreateAsync(app.Services, Roles.Viewer);
        var second = await TestUsers.CreateAsync(app.Services, Roles.Viewer);
        var third = await TestUsers.CreateAsync(app.Services, Roles.Viewer);
        var colleague = await TestUsers.CreateAsync(app.Services, Roles.Viewer);
        using var client = SignedInClient.Anonymous(app);

        (await FailAsync(client, first.Email!)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await FailAsync(client, second.Email!)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await FailAsync(client, third.Email!)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await TestUsers.ReloadAsync(app.Services, first.Id)).AccessFailedCount.ShouldBe(1);
        (await TestUsers.ReloadAsync(app.Services, third.Id)).AccessFailedCount.ShouldBe(0, "a third account's failure from the same address does not count towards its lockout");
        using (var signedIn = await SignInForm.SubmitAsync(SignedInClient.Anonymous(app), colleague.Email!, TestUsers.Password, TestContext.Current.CancellationToken))
        {
            signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the right password still signs in from the same address");
            signedIn.Headers.Location!.OriginalString.ShouldNotContain("/Account/");
        }

        for (var i = 0; i < 3; i++)
        {
            (await FailAsync(client, first.Email!)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var refused = await SignInForm.SubmitAsync(client, second.Email!, TestUsers.Password, TestContext.Current.CancellationToken);
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, "six failures from the address: even the right password waits for the window");
        refused.Headers.RetryAfter.ShouldNotBeNull();
        (await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("Too many failed sign-ins from your network");
        await using var db = app.OpenDatabase();
        (await db.AuditEvents.CountAsync(e => e.Action == SecurityAuditActions.Throttled, TestContext.Current.CancellationToken)).ShouldBe(1);
    }

    private static Task<HttpResponseMessage> FailAsync(HttpClient client, string email) =>
        SignInForm.SubmitAsync(client, email, WrongPassword, TestContext.Current.CancellationToken);
}
