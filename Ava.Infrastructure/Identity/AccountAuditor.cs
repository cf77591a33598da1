using Ava.Domain.Audit;
using Ava.Infrastructure.Audit;
using Ava.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;

namespace Ava.Infrastructure.Identity;

/// <summary>
/// Runs an Identity change (password, 2FA, roles, lockout) and its audit event in one transaction
/// on the request's own context, the one UserManager saves through: both commit or neither does.
/// </summary>
public sealed class AccountAuditor(AvaDbContext db, AuditTrail trail)
{
    /// <summary>Applies <paramref name="change"/>; when it succeeds, records <paramref name="entry"/> and commits both.</summary>
    public async Task<IdentityResult> ChangeAsync(Func<Task<IdentityResult>> change, AuditEntry entry, AuditActor? actor = null)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await change();
        if (!result.Succeeded)
        {
            await transaction.RollbackAsync();
            return result;
        }

        if (actor is null)
        {
            await trail.AppendAsync(db, entry);
        }
        else
        {
            await trail.AppendAsync(db, entry, actor);
        }

        await transaction.CommitAsync();
        return result;
    }

    /// <summary>Records an account event that changes nothing (a sign-in, a failed attempt, a sign-out).</summary>
    public Task RecordAsync(AuditEntry entry, AuditActor? actor = null) => trail.RecordAsync(entry, actor);
}
