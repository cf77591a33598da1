using Ava.Domain.Security;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Identity;
using Ava.Infrastructure.Security;
using Ava.Tests.TestData;
using Ava.Tests.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Tests.Infrastructure.Identity;

/// <summary>The service checks manage_users itself, whatever the page did, and its changes take effect at once.</summary>
[Collection(DashboardAppCollection.Name)]
public sealed class UserAdministrationServiceTests(AvaAppFactory app)
{
    [Fact]
    public async Task ListUsersAsync_ThrowsPermissionDenied_WhenCallerIsViewer()
    {
        await using var scope = await CallerScope.CreateAsync(app.Services, AvaAppFactory.ViewerEmail);
        var service = scope.ServiceProvider.GetRequiredService<UserAdministrationService>();

        var denied = await Should.ThrowAsync<PermissionDeniedException>(() => service.ListUsersAsync(null, new PageRequest(0, 25), TestContext.Current.CancellationToken));

        denied.Permission.ShouldBe(Permissions.ManageUsers);
        denied.UserName.ShouldBe(AvaAppFactory.ViewerEmail);
    }

    [Fact]
    public async Task ListUsersAsync_ThrowsPermissionDenied_WhenNobodyIsSignedIn()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<UserAdministrationService>();

        await Should.ThrowAsync<PermissionDeniedException>(() => service.ListUsersAsync(null, new PageRequest(0, 25), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task CreateUserAsync_ThrowsPermissionDeniedAndCreatesNobody_WhenCallerIsViewer()
    {
        var email = $"refused-{Guid.NewGuid():N}@test.local";
        await using var scope = await CallerScope.CreateAsync(app.Services, AvaAppFactory.ViewerEmail);
        var service = scope.ServiceProvider.GetRequiredService<UserAdministrationService>();

        await Should.ThrowAsync<PermissionDeniedException>(() => service.CreateUserAsync(email, Roles.Admin));

        var users = scope.ServiceProvider.GetRequiredService<UserManager<AvaUser>>();
        (await users.FindByEmailAsync(email)).ShouldBeNull();
    }

    [Fact]
    public async Task ListUsersAsync_ReturnsUsersWithTheirRoles_WhenCallerIsAdmin()
    {
        await using var scope = await CallerScope.CreateAsync(app.Services, AvaAppFactory.AdminEmail);
        var service = scope.ServiceProvider.GetRequiredService<UserAdministrationService>();

        var page = await service.ListUsersAsync("@ava.local", new PageRequest(0, 25), TestContext.Current.CancellationToken);

        page.Items.Select(u => (u.Email, u.Role)).ShouldBe(
            [
                (AvaAppFactory.AdminEmail, Roles.Admin),
                (AvaAppFactory.DeveloperEmail, Roles.Developer),
                (AvaAppFactory.ViewerEmail, Roles.Viewer),
            ],
            ignoreOrder: true);
        page.Total.ShouldBe(3);
    }

    [Fact]
    public async Task CreateUserAsync_CreatesUserInTheRoleWithATemporaryPassword_WhenCallerIsAdmin()
    {
        var email = $"new-{Guid.NewGuid():N}@test.local";
        await using var scope = await CallerScope.CreateAsync(app.Services, AvaAppFactory.AdminEmail);
        var service = scope.ServiceProvider.GetRequiredService<UserAdministrationService>();

        var created = await service.CreateUserAsync(email, Roles.Developer);

        var users = scope.ServiceProvider.GetRequiredService<UserManager<AvaUser>>();
        var user = (await users.FindByEmailAsync(email)).ShouldNotBeNull();
        user.MustChangePassword.ShouldBeTrue();
        (await users.GetRolesAsync(user)).ShouldBe([Roles.Developer]);
        (await users.CheckPasswordAsync(user, created.TemporaryPassword)).ShouldBeTrue();
        created.User.Id.ShouldBe(user.Id);
    }

    [Fact]
    public async Task LockAsync_RenewsTheSecurityStampAndRefusesSignIn_WhenAdminLocksAUser()
    {
        var user = await TestUsers.CreateAsync(app.Services, Roles.Viewer);
        await using var scope = await CallerScope.CreateAsync(app.Services, AvaAppFactory.AdminEmail);
        var service = scope.ServiceProvider.GetRequiredService<UserAdministrationService>();

        await service.LockAsync(user.Id);

        var locked = await TestUsers.ReloadAsync(app.Services, user.Id);
        locked.SecurityStamp.ShouldNotBe(user.SecurityStamp);
        locked.LockoutEnd.ShouldBe(DateTimeOffset.MaxValue);
        using var client = SignedInClient.Anonymous(app);
        using var signIn = await SignInForm.SubmitAsync(client, user.Email!, TestUsers.Password, TestContext.Current.CancellationToken);
        signIn.Headers.Location.ShouldNotBeNull().OriginalString.ShouldEndWith("/Account/Lockout");
    }

    [Fact]
    public async Task ChangeRoleAsync_ReplacesTheRoleAndRenewsTheSecurityStamp_WhenAdminChangesIt()
    {
        var user = await TestUsers.CreateAsync(app.Services, Roles.Viewer);
        await using var scope = await CallerScope.CreateAsync(app.Services, AvaAppFactory.AdminEmail);
        var service = scope.ServiceProvider.GetRequiredService<UserAdministrationService>();

        await service.ChangeRoleAsync(user.Id, Roles.Developer);

        var changed = await TestUsers.ReloadAsync(app.Services, user.Id);
        changed.SecurityStamp.ShouldNotBe(user.SecurityStamp);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AvaUser>>();
        (await users.GetRolesAsync(changed)).ShouldBe([Roles.Developer]);
    }
}
