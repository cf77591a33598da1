using Ava.Domain.Security;
using Ava.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Tests.Infrastructure.Identity;

public sealed class UserPreferencesServiceTests : IAsyncLifetime
{
    private ServiceDatabase _db = default!;

    public async ValueTask InitializeAsync() => _db = await ServiceDatabase.CreateAsync();

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task DarkModePreference_IsRememberedPerUser()
    {
        _db.User = ServiceDatabase.Principal("developer@ava.local", Roles.Developer);
        await using (var scope = _db.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AvaUser>>();
            (await users.CreateAsync(new AvaUser { Id = "id-developer@ava.local", UserName = "developer@ava.local", Email = "developer@ava.local" }, "a long enough password")).Succeeded.ShouldBeTrue();
            var preferences = scope.ServiceProvider.GetRequiredService<UserPreferencesService>();
            (await preferences.GetDarkModeAsync()).ShouldBeNull();
            await preferences.SetDarkModeAsync(true);
        }

        await using var later = _db.Services.CreateAsyncScope();
        (await later.ServiceProvider.GetRequiredService<UserPreferencesService>().GetDarkModeAsync()).ShouldBe(true);
        _db.User = ServiceDatabase.Principal("viewer@ava.local", Roles.Viewer);
        (await later.ServiceProvider.GetRequiredService<UserPreferencesService>().GetDarkModeAsync()).ShouldBeNull();
    }
}
