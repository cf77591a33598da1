using Ava.Domain.Audit;

namespace Ava.Domain.Security;

/// <summary>Sign-in, sign-out and a user's own account changes.</summary>
[AuditActionSet("Accounts")]
public static class AccountAuditActions
{
    public const string SignInSucceeded = "auth.sign_in";
    public const string SignInFailed = "auth.sign_in_failed";
    public const string LockedOut = "auth.locked_out";
    public const string SignOut = "auth.sign_out";
    public const string PasswordChanged = "auth.password_changed";
    public const string TwoFactorEnabled = "auth.2fa_enabled";
    public const string TwoFactorDisabled = "auth.2fa_disabled";
}

/// <summary>What administrators do to users.</summary>
[AuditActionSet("Users")]
public static class UserAuditActions
{
    public const string Created = "user.created";
    public const string RoleChanged = "user.role_changed";
    public const string ApproverGranted = "user.approver_granted";
    public const string ApproverRevoked = "user.approver_revoked";
    public const string Locked = "user.locked";
    public const string Unlocked = "user.unlocked";
}

/// <summary>Refused access: a page, an endpoint or a service call without the permission.</summary>
[AuditActionSet("Security")]
public static class SecurityAuditActions
{
    public const string Violation = "security.violation";

    /// <summary>An address ran into a limit (refused requests, failed sign-ins); recorded once per address and window.</summary>
    public const string Throttled = "security.throttled";
}
