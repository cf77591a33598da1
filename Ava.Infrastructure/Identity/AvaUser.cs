using Microsoft.AspNetCore.Identity;

namespace Ava.Infrastructure.Identity;

/// <summary>A dashboard user: the Identity user plus the few things the product remembers about them.</summary>
public sealed class AvaUser : IdentityUser
{
    /// <summary>Set for a temporary password: the user must choose a new one before anything else.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>The user's theme choice; null follows the browser.</summary>
    public bool? PrefersDarkMode { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
