namespace Ava.Infrastructure.Identity;

public static class AvaClaimTypes
{
    /// <summary>Present while the user signs in with a temporary password.</summary>
    public const string MustChangePassword = "ava:must_change_password";
}
