namespace Ava.Infrastructure.Identity;

/// <summary>
/// The two kinds of lockout. An administrator's lock lasts until it is lifted and stops every
/// credential of the account; the lockout after five failed sign-ins ends by itself and stops only
/// interactive sign-in, so nobody can switch off someone's API tokens by mistyping their password.
/// </summary>
public static class AccountLocks
{
    /// <summary>The lockout end an administrator's lock sets.</summary>
    public static readonly DateTimeOffset AdministratorLockEnd = DateTimeOffset.MaxValue;

    public static bool IsLockedByAdministrator(AvaUser user) =>
        user.LockoutEnabled && user.LockoutEnd is { } end && end.UtcTicks == AdministratorLockEnd.UtcTicks;
}
