using System.Security.Claims;
using Ava.Domain.Audit;
using Ava.Domain.Common;
using Ava.Domain.Security;
using Ava.Infrastructure.Audit;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ava.Infrastructure.Identity;

public sealed record UserSummary(
    string Id,
    string Email,
    string Role,
    bool IsApprover,
    bool IsLockedOut,
    bool MustChangePassword,
    DateTimeOffset CreatedAt);


public sealed record CreatedUser(UserSummary User, string TemporaryPassword);

/// <summary>
/// The users page's operations (manage_users). Every change renews the user's security stamp,
/// so their existing sessions end within the one-minute revalidation interval.
/// Each call works in its own DI scope: a Blazor circuit must not hold a UserManager for its lifetime.
/// The acting user is read in the caller's scope and handed to the audit trail explicitly.
/// </summary>
public sealed class UserAdministrationService(
    IServiceScopeFactory scopes,
    PermissionGuard guard,
    IAuditActorAccessor actors,
    TimeProvider clock,
    ILogger<UserAdministrationService> logger)
{
    public async Task<Paged<UserSummary>> ListUsersAsync(string? search, PageRequest page, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(Permissions.ManageUsers);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AvaDbContext>();

        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToUpperInvariant();
            users = users.Where(u => u.NormalizedEmail!.Contains(term));
        }

        var total = await users.CountAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcTicks;
        var rows = await users
            .OrderBy(u => u.NormalizedEmail)
            .Page(page)
            .Select(u => new
            {
                u.Id,
                u.Email,
                u.MustChangePassword,
                u.CreatedAt,
                u.LockoutEnd,
                Role = db.UserRoles.Where(ur => ur.UserId == u.Id)
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name)
                    .FirstOrDefault(),
                IsApprover = db.UserClaims.Any(c => c.UserId == u.Id && c.ClaimType == ApproverCapability.ClaimType && c.ClaimValue == ApproverCapability.ClaimValue),
            })
            .ToListAsync(cancellationToken);

        var items = rows.Select(r => new UserSummary(
                r.Id,
                r.Email ?? "",
                r.Role ?? "",
                r.IsApprover,
                r.LockoutEnd is { } end && end.UtcTicks > now,
                r.MustChangePassword,
                r.CreatedAt))
            .ToList();
        return new Paged<UserSummary>(items, total, page);
    }

    /// <summary>Creates a user with one role and a temporary password they must change at first sign-in.</summary>
    public async Task<CreatedUser> CreateUserAsync(string email, string role, string? temporaryPassword = null)
    {
        await guard.DemandAsync(Permissions.ManageUsers);
        if (!Roles.IsKnown(role))
        {
            throw new DomainException($"'{role}' is not a role; choose {string.Join(", ", Roles.All)}.");
        }

        using var scope = scopes.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AvaUser>>();
        var auditor = scope.ServiceProvider.GetRequiredService<AccountAuditor>();
        var password = string.IsNullOrWhiteSpace(temporaryPassword) ? PasswordGenerator.Generate() : temporaryPassword;
        var user = new AvaUser
        {
            UserName = email.Trim(),
            Email = email.Trim(),
            EmailConfirmed = true,
            MustChangePassword = true,
            CreatedAt = clock.GetUtcNow(),
        };

        Ensure(await auditor.ChangeAsync(
            async () =>
            {
                var created = await users.CreateAsync(user, password);
                return created.Succeeded ? await users.AddToRoleAsync(user, role) : created;
            },
            new AuditEntry(UserAuditActions.Created, $"user/{user.Email}", true, Metadata: AuditTrail.Metadata(new { userId = user.Id, role })),
            await actors.GetActorAsync()));
        logger.LogInformation("User {UserId} created with role {Role}", user.Id, role);
        return new CreatedUser(new UserSummary(user.Id, user.Email, role, false, false, true, user.CreatedAt), password);
    }

    public async Task ChangeRoleAsync(string userId, string role)
    {
        var caller = await guard.DemandAsync(Permissions.ManageUsers);
        if (!Roles.IsKnown(role))
        {
            throw new DomainException($"'{role}' is not a role; choose {string.Join(", ", Roles.All)}.");
        }

        RefuseSelf(caller, userId, "change your own role");
        await ChangeAsync(userId, async (users, user) =>
        {
            var current = await users.GetRolesAsync(user);
            Ensure(await users.RemoveFromRolesAsync(user, current));
            Ensure(await users.AddToRoleAsync(user, role));
            return new AuditEntry(UserAuditActions.RoleChanged, $"user/{user.Email}", true,
                Metadata: AuditTrail.Metadata(new { userId, from = current, to = role }));
        });
        logger.LogInformation("User {UserId} now has role {Role}", userId, role);
    }

    /// <summary>Grants or revokes the explicit approver capability claim.</summary>
    public async Task SetApproverAsync(string userId, bool isApprover)
    {
        await guard.DemandAsync(Permissions.ManageUsers);
        await ChangeAsync(userId, async (users, user) =>
        {
            var existing = (await users.GetClaimsAsync(user)).Where(c => c.Type == ApproverCapability.ClaimType).ToList();
            if (existing.Count > 0)
            {
                Ensure(await users.RemoveClaimsAsync(user, existing));
            }

            if (isApprover)
            {
                Ensure(await users.AddClaimAsync(user, new Claim(ApproverCapability.ClaimType, ApproverCapability.ClaimValue)));
            }

            return new AuditEntry(isApprover ? UserAuditActions.ApproverGranted : UserAuditActions.ApproverRevoked, $"user/{user.Email}", true,
                Metadata: AuditTrail.Metadata(new { userId }));
        });
        logger.LogInformation("User {UserId} approver capability set to {IsApprover}", userId, isApprover);
    }

    public async Task LockAsync(string userId)
    {
        var caller = await guard.DemandAsync(Permissions.ManageUsers);
        RefuseSelf(caller, userId, "lock your own account");
        await ChangeAsync(userId, async (users, user) =>
        {
            Ensure(await users.SetLockoutEnabledAsync(user, true));
            Ensure(await users.SetLockoutEndDateAsync(user, AccountLocks.AdministratorLockEnd));
            return new AuditEntry(UserAuditActions.Locked, $"user/{user.Email}", true, Metadata: AuditTrail.Metadata(new { userId }));
        });
        logger.LogInformation("User {UserId} locked", userId);
    }

    public async Task UnlockAsync(string userId)
    {
        await guard.DemandAsync(Permissions.ManageUsers);
        await ChangeAsync(userId, async (users, user) =>
        {
            Ensure(await users.SetLockoutEndDateAsync(user, null));
            Ensure(await users.ResetAccessFailedCountAsync(user));
            return new AuditEntry(UserAuditActions.Unlocked, $"user/{user.Email}", true, Metadata: AuditTrail.Metadata(new { userId }));
        });
        logger.LogInformation("User {UserId} unlocked", userId);
    }

    /// <summary>
    /// Applies a change and its audit event in one transaction, and renews the user's security
    /// stamp so their sessions are re-checked.
    /// </summary>
    private async Task ChangeAsync(string userId, Func<UserManager<AvaUser>, AvaUser, Task<AuditEntry>> change)
    {
        using var scope = scopes.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AvaUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AvaDbContext>();
        var trail = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        var user = await users.FindByIdAsync(userId) ?? throw new DomainException("That user no longer exists.");
        var actor = await actors.GetActorAsync();

        await using var transaction = await db.Database.BeginTransactionAsync();
        var entry = await change(users, user);
        Ensure(await users.UpdateSecurityStampAsync(user));
        await trail.AppendAsync(db, entry, actor);
        await transaction.CommitAsync();
    }

    private static void RefuseSelf(ClaimsPrincipal caller, string userId, string what)
    {
        if (caller.FindFirstValue(ClaimTypes.NameIdentifier) == userId)
        {
            throw new DomainException($"You cannot {what}; ask another administrator.");
        }
    }

    private static void Ensure(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new DomainException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
