namespace Ava.Domain.Security;

/// <summary>
/// The permission table of specification §2, kept as data: one row per permission, the roles that hold it.
/// Pages, endpoints and services ask this table; nothing else maps roles to permissions.
/// </summary>
public static class PermissionTable
{
    private static readonly (string Permission, string[] Roles)[] Rows =
    [
        (Permissions.ExecuteCommands, [Roles.Admin]),
        (Permissions.ModifySchemas, [Roles.Admin]),
        (Permissions.ViewLogs, [Roles.Admin]),
        (Permissions.ManageUsers, [Roles.Admin]),
        (Permissions.CreateCodestones, [Roles.Admin, Roles.Developer]),
        (Permissions.RunAiPrompts, [Roles.Admin, Roles.Developer, Roles.SystemActor]),
        (Permissions.UpdateStreams, [Roles.Admin, Roles.Developer, Roles.SystemActor]),
        (Permissions.ViewExecutionQueue, [Roles.Admin, Roles.Developer]),
        (Permissions.ViewDashboards, [Roles.Admin, Roles.Developer, Roles.Viewer, Roles.SystemActor]),
        (Permissions.ViewStreams, [Roles.Admin, Roles.Developer, Roles.Viewer, Roles.SystemActor]),
        (Permissions.ViewCodestones, [Roles.Admin, Roles.Developer, Roles.Viewer, Roles.SystemActor]),
    ];

    // The system actor's column holds only what scheduled workflows need: reading, archiving streams and
    // running the AI templates (the morning briefing). Approval is never a permission of this table.
    private static readonly Dictionary<string, HashSet<string>> ByRole = Roles.All.Append(Roles.SystemActor).ToDictionary(
        role => role,
        role => Rows.Where(r => r.Roles.Contains(role)).Select(r => r.Permission).ToHashSet(StringComparer.Ordinal),
        StringComparer.Ordinal);

    /// <summary>Whether the role holds the permission. Unknown roles and permissions hold nothing.</summary>
    public static bool RoleHas(string role, string permission) =>
        ByRole.TryGetValue(role, out var permissions) && permissions.Contains(permission);

    /// <summary>Whether any of the roles holds the permission.</summary>
    public static bool AnyRoleHas(IEnumerable<string> roles, string permission) =>
        roles.Any(role => RoleHas(role, permission));

    /// <summary>The permissions the roles hold together, in table order.</summary>
    public static IReadOnlyList<string> PermissionsOf(IEnumerable<string> roles)
    {
        var roleList = roles.ToList();
        return Permissions.All.Where(p => AnyRoleHas(roleList, p)).ToList();
    }
}
