using System.Security.Claims;
using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Ava.Infrastructure.Identity;

/// <summary>Per-user display preferences (the theme), for the signed-in user only.</summary>
public sealed class UserPreferencesService(IUserContext userContext, IDbContextFactory<AvaDbContext> contexts)
{
    public async Task<bool?> GetDarkModeAsync()
    {
        var userId = await CurrentUserIdAsync();
        if (userId is null)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync();
        return await db.Users.Where(u => u.Id == userId).Select(u => u.PrefersDarkMode).FirstOrDefaultAsync();
    }

    public async Task SetDarkModeAsync(bool dark)
    {
        var userId = await CurrentUserIdAsync() ?? throw new InvalidOperationException("Only a signed-in user has preferences.");
        await using var db = await contexts.CreateDbContextAsync();
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.PrefersDarkMode, dark));
    }

    private async Task<string?> CurrentUserIdAsync()
    {
        var user = await userContext.GetUserAsync();
        return user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
    }
}
