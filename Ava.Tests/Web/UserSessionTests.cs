using System.Net;
using Ava.Domain.Security;
using Ava.Infrastructure.Identity;
using Ava.Tests.TestData;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Tests.Web;

/// <summary>
/// A change on the users page reaches a session that is already open: the cookie is checked against
/// the user's security stamp once the revalidation interval has passed. The interval is stepped over
/// with a shifted clock for the stamp check, so the test does not wait a minute.
/// </summary>
public sealed class UserSessionTests(UserSessionTests.App app) : IClassFixture<UserSessionTests.App>
{
    public sealed class App : AvaAppFactory
    {
        public App() =>
            WithServices(services => services.PostConfigure<SecurityStampValidatorOptions>(o => o.TimeProvider = StampClock));

        public ShiftedClock StampClock { get; } = new();
    }

    [Fact]
    public async Task ExistingSession_Ends_WhenUserIsLockedAndTheRevalidationIntervalPasses()
    {
        var user = await TestUsers.CreateAsync(app.Services, Roles.Viewer);
        using var session = await SignedInClient.CreateAsync(app, user.Email!, TestUsers.Password);
        using (var before = await session.GetAsync("/", TestContext.Current.CancellationToken))
        {
            before.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await using (var admin = await CallerScope.CreateAsync(app.Services, AvaAppFactory.AdminEmail))
        {
            await admin.ServiceProvider.GetRequiredService<UserAdministrationService>().LockAsync(user.Id);
        }

        app.StampClock.Offset = Ava.Dashboard.DependencyInjection.RevalidationInterval + TimeSpan.FromSeconds(5);
        using var after = await session.GetAsync("/", TestContext.Current.CancellationToken);

        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        new Uri(session.BaseAddress!, after.Headers.Location!).AbsolutePath.ShouldBe(SignInForm.Path);
    }

    [Fact]
    public async Task ExistingSession_Continues_WhenTheRevalidationIntervalPassesWithoutAChange()
    {
        var user = await TestUsers.CreateAsync(app.Services, Roles.Viewer);
        using var session = await SignedInClient.CreateAsync(app, user.Email!, TestUsers.Password);

        app.StampClock.Offset = Ava.Dashboard.DependencyInjection.RevalidationInterval + TimeSpan.FromSeconds(5);
        using var after = await session.GetAsync("/", TestContext.Current.CancellationToken);

        after.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
