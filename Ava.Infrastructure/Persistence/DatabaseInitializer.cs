using Ava.Domain.Security;
using Ava.Infrastructure.Configuration;
using Ava.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ava.Infrastructure.Persistence;

/// <summary>What start-up did that the person starting the app must be told once (never logged).</summary>
public sealed record StartupNotice(IReadOnlyList<string> Lines);

/// <summary>
/// Start-up database work: migrate (unless turned off), the roles, the first admin and,
/// in demo mode, the demo users. Safe to run on every start.
/// </summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<AvaDbContext> contexts,
    UserManager<AvaUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<DatabaseOptions> database,
    BootstrapOptions bootstrap,
    IEnumerable<IDemoDataSeeder> demoSeeders,
    IEnumerable<IReferenceDataSeeder> referenceSeeders,
    TimeProvider clock,
    ILogger<DatabaseInitializer> logger)
{
    public static readonly IReadOnlyList<(string Email, string Role)> DemoUsers =
    [
        ("admin@ava.local", Roles.Admin),
        ("developer@ava.local", Roles.Developer),
        ("viewer@ava.local", Roles.Viewer),
    ];

    public async Task<StartupNotice> InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (database.Value.AutoMigrate)
            {
                await db.Database.MigrateAsync(cancellationToken);
            }

            if (db.Database.IsSqlite())
            {
                // WAL lets readers go on while a writer commits; the setting is stored in the file.
                // optimize refreshes the planner's statistics where they are stale, so filters pick the selective index.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
                await db.Database.ExecuteSqlRawAsync("PRAGMA optimize=0x10002;", cancellationToken);
            }
        }

        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Ensure(await roles.CreateAsync(new IdentityRole(role)));
            }
        }

        foreach (var seeder in referenceSeeders)
        {
            await seeder.SeedAsync(cancellationToken);
        }

        var notice = new List<string>();
        if (bootstrap.Demo)
        {
            await SeedDemoUsersAsync(notice);
            foreach (var seeder in demoSeeders)
            {
                await seeder.SeedAsync(cancellationToken);
            }
        }

        if (!await users.Users.AnyAsync(cancellationToken))
        {
            await CreateFirstAdminAsync(notice);
        }

        return new StartupNotice(notice);
    }

    private async Task CreateFirstAdminAsync(List<string> notice)
    {
        var email = bootstrap.AdminEmail ?? "admin@localhost";
        var generated = bootstrap.AdminPassword is null;
        var password = bootstrap.AdminPassword ?? PasswordGenerator.Generate();
        var admin = NewUser(email, mustChangePassword: generated);
        Ensure(await users.CreateAsync(admin, password));
        Ensure(await users.AddToRoleAsync(admin, Roles.Admin));
        logger.LogInformation("First administrator {Email} created", email);

        notice.Add($"First administrator: {email}");
        notice.Add(generated
            ? $"Temporary password (shown once, change it at first sign-in): {password}"
            : "Password: the one in AVA_ADMIN_PASSWORD");
    }

    private async Task SeedDemoUsersAsync(List<string> notice)
    {
        var password = bootstrap.DemoPassword;
        var created = false;
        foreach (var (email, role) in DemoUsers)
        {
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                password ??= PasswordGenerator.Generate();
                user = NewUser(email, mustChangePassword: false);
                Ensure(await users.CreateAsync(user, password));
                Ensure(await users.AddToRoleAsync(user, role));
                created = true;
            }
            else if (password is not null && !await users.CheckPasswordAsync(user, password))
            {
                // AVA_DEMO_PASSWORD is the source of truth for the demo accounts.
                Ensure(await users.RemovePasswordAsync(user));
                Ensure(await users.AddPasswordAsync(user, password));
            }
        }

        notice.Add("Demo mode: sign in as admin@ava.local, developer@ava.local or viewer@ava.local");
        notice.Add(password is not null
            ? (bootstrap.DemoPassword is not null ? "Demo password: the one in AVA_DEMO_PASSWORD" : $"Demo password (shown once): {password}")
            : created ? "" : "Demo password: unchanged since the demo accounts were created (set AVA_DEMO_PASSWORD to choose one)");
        notice.RemoveAll(string.IsNullOrEmpty);
    }

    private AvaUser NewUser(string email, bool mustChangePassword) => new()
    {
        UserName = email,
        Email = email,
        EmailConfirmed = true,
        MustChangePassword = mustChangePassword,
        CreatedAt = clock.GetUtcNow(),
    };

    private static void Ensure(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}

/// <summary>A feature's demo data, seeded after the demo users when the app starts with --demo. Must be safe to run on every start.</summary>
public interface IDemoDataSeeder
{
    Task SeedAsync(CancellationToken cancellationToken);
}
