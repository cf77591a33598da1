using System.Net;
using Ava.Domain.Security;
using Ava.Tests.TestData;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Tests.Web;

/// <summary>
/// A session slides with activity for 8 hours at a time but ends 12 hours after sign-in whatever the
/// activity. The sign-in cookie's clock is shifted instead of waiting.
/// </summary>
public sealed class SessionLifetimeTests(SessionLifetimeTests.App app) : IClassFixture<SessionLifetimeTests.App>
{
    public sealed class App : AvaAppFactory
    {
        public App() =>
            WithServices(services => services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o => o.TimeProvider = Clock));

        public ShiftedClock Clock { get; } = new();
    }

    [Fact]
    public async Task Session_SlidesWithActivity_WithinTwelveHoursOfSignIn()
    {
        app.Clock.Offset = TimeSpan.Zero;
        var user = await TestUsers.CreateAsync(app.Services, Roles.Viewer);
        using var session = await SignedInClient.CreateAsync(app, user.Email!, TestUsers.Password);

        app.Clock.Offset = TimeSpan.FromHours(7);
        using var renewed = await session.GetAsync("/", TestContext.Current.CancellationToken);
        app.Clock.Offset = TimeSpan.FromHours(11.5);
        using var later = await session.GetAsync("/", TestContext.Current.CancellationToken);

        renewed.StatusCode.ShouldBe(HttpStatusCode.OK);
        later.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Session_Ends_TwelveHoursAfterSignIn_EvenWhenActive()
    {
        app.Clock.Offset = TimeSpan.Zero;
        var user = await TestUsers.CreateAsync(app.Services, Roles.Viewer);
        using var session = await SignedInClient.CreateAsync(app, user.Email!, TestUsers.Password);

        app.Clock.Offset = TimeSpan.FromHours(7);
        using var renewed = await session.GetAsync("/", TestContext.Current.CancellationToken);
        app.Clock.Offset = TimeSpan.FromHours(12) + TimeSpan.FromMinutes(5);
        using var expired = await session.GetAsync("/", TestContext.Current.CancellationToken);

        renewed.StatusCode.ShouldBe(HttpStatusCode.OK);
        expired.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        new Uri(session.BaseAddress!, expired.Headers.Location!).AbsolutePath.ShouldBe(SignInForm.Path);
    }

    [Fact]
    public async Task Session_Ends_AfterEightIdleHours()
    {
        app.Clock.Offset = TimeSpan.Zero;
        var user = await TestUsers.CreateAsync(app.Services, Roles.Viewer);
        using var session = await SignedInClient.CreateAsync(app, user.Email!, TestUsers.Password);

        app.Clock.Offset = TimeSpan.FromHours(8) + TimeSpan.FromMinutes(5);
        using var idle = await session.GetAsync("/", TestContext.Current.CancellationToken);

        idle.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}
