namespace Ava.Domain.Security;

/// <summary>The three Identity roles. Code checks permissions, not these names.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Developer = "Developer";
    public const string Viewer = "Viewer";

    /// <summary>
    /// The role of the system actor that scheduled workflows act as (<see cref="SystemActor"/>). It is a
    /// row of the permission table but never an Identity role: no person can hold it.
    /// </summary>
    public const string SystemActor = "system";

    /// <summary>The roles a person can be given.</summary>
    public static IReadOnlyList<string> All { get; } = [Admin, Developer, Viewer];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
