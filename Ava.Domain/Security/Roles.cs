namespace Ava.Domain.Security;

/// <summary>The three Identity roles. Code checks permissions, not these names.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Developer = "Developer";
    public const string Viewer = "Viewer";

    public static IReadOnlyList<string> All { get; } = [Admin, Developer, Viewer];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
