using Ava.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Tests.TestData;

/// <summary>Users made for one test, so that locking or changing them leaves the shared demo users alone.</summary>
public static class TestUsers
{
    public const string Password = "a-test-password-long-enough";

    /// <summary>Creates a signed-in-ready user (no temporary password) in <paramref name="role"/>.</summary>
    public static async Task<AvaUser> CreateAsync(IServiceProvider services, string role)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AvaUser>>();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.local";
        var user = new AvaUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            CreatedAt = DateTimeOffset.UtcNow,
        };

        (await users.CreateAsync(user, Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
        return user;
    }

    /// <summary>The user as the database has it now.</summary>
    public static async Task<AvaUser> ReloadAsync(IServiceProvider services, string userId)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AvaUser>>();
        return (await users.FindByIdAsync(userId)).ShouldNotBeNull();
    }
}
