using Ava.Domain.Security;
using Ava.Infrastructure.Identity;
using Ava.Infrastructure.Persistence;
using Ava.Tests.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Tests.Infrastructure.Persistence;

/// <summary>The first start on an empty database creates the first administrator (the app starts for real in each test).</summary>
public sealed class DatabaseInitializerTests
{
    private const string TemporaryPasswordNotice = "Temporary password (shown once, change it at first sign-in): ";

    [Fact]
    public async Task InitializeAsync_CreatesTheConfiguredAdmin_WhenNoUsersExistAndAdminSettingsAreGiven()
    {
        const string email = "owner@example.test";
        const string password = "owner-password-from-the-environment";
        await using var app = FirstRun().WithSetting("AVA_ADMIN_EMAIL", email).WithSetting("AVA_ADMIN_PASSWORD", password);

        await using var scope = app.Services.CreateAsyncScope();

        var users = scope.ServiceProvider.GetRequiredService<UserManager<AvaUser>>();
        var admin = await users.Users.SingleAsync(TestContext.Current.CancellationToken);
        admin.Email.ShouldBe(email);
        admin.MustChangePassword.ShouldBeFalse();
        (await users.GetRolesAsync(admin)).ShouldBe([Roles.Admin]);
        (await users.CheckPasswordAsync(admin, password)).ShouldBeTrue();
    }

    [Fact]
    public async Task InitializeAsync_CreatesAdminAtLocalhostWithATemporaryPassword_WhenNoAdminSettingsAreGiven()
    {
        await using var app = FirstRun();

        await using var scope = app.Services.CreateAsyncScope();

        var users = scope.ServiceProvider.GetRequiredService<UserManager<AvaUser>>();
        var admin = await users.Users.SingleAsync(TestContext.Current.CancellationToken);
        admin.Email.ShouldBe("admin@localhost");
        admin.MustChangePassword.ShouldBeTrue();
        (await users.GetRolesAsync(admin)).ShouldBe([Roles.Admin]);
    }

    [Fact]
    public async Task InitializeAsync_TellsTheGeneratedPasswordOnlyInItsNoticeNeverInTheLog_WhenItCreatesTheFirstAdmin()
    {
        await using var app = FirstRun();
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AvaUser>>();
        // Back to an empty user table, to run the first-run path again and read the notice Program prints.
        (await users.DeleteAsync(await users.Users.SingleAsync(TestContext.Current.CancellationToken))).Succeeded.ShouldBeTrue();

        var notice = await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(TestContext.Current.CancellationToken);

        var password = notice.Lines.Where(l => l.StartsWith(TemporaryPasswordNotice, StringComparison.Ordinal))
            .ShouldHaveSingleItem()[TemporaryPasswordNotice.Length..];
        var admin = (await users.FindByEmailAsync("admin@localhost")).ShouldNotBeNull();
        (await users.CheckPasswordAsync(admin, password)).ShouldBeTrue();
        app.Log.Entries.ShouldContain(e => e.Contains("First administrator admin@localhost created", StringComparison.Ordinal));
        app.Log.Entries.ShouldNotContain(e => e.Contains(password, StringComparison.Ordinal));
    }

    private static AvaAppFactory FirstRun() => new AvaAppFactory().WithSetting("Demo:Enabled", "false");
}
