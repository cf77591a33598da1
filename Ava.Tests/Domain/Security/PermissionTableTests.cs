using Ava.Domain.Security;

namespace Ava.Tests.Domain.Security;

public class PermissionTableTests
{
    /// <summary>specification §2, cell by cell: permission, Admin, Developer, Viewer.</summary>
    public static TheoryData<string, bool, bool, bool> Table => new()
    {
        { "execute_commands", true, false, false },
        { "modify_schemas", true, false, false },
        { "view_logs", true, false, false },
        { "manage_users", true, false, false },
        { "create_codestones", true, true, false },
        { "run_ai_prompts", true, true, false },
        { "update_streams", true, true, false },
        { "view_execution_queue", true, true, false },
        { "view_dashboards", true, true, true },
        { "view_streams", true, true, true },
        { "view_codestones", true, true, true },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void RoleHas_MatchesSpecification_ForEveryCell(string permission, bool admin, bool developer, bool viewer)
    {
        PermissionTable.RoleHas(Roles.Admin, permission).ShouldBe(admin);
        PermissionTable.RoleHas(Roles.Developer, permission).ShouldBe(developer);
        PermissionTable.RoleHas(Roles.Viewer, permission).ShouldBe(viewer);
    }

    [Fact]
    public void All_ListsExactlyTheSpecifiedPermissions()
    {
        Permissions.All.ShouldBe(Table.Select(row => (string)row.Data.Item1).ToList(), ignoreOrder: false);
    }

    [Fact]
    public void RoleHas_IsFalse_ForUnknownRoleOrPermission()
    {
        PermissionTable.RoleHas("Superuser", Permissions.ViewDashboards).ShouldBeFalse();
        PermissionTable.RoleHas(Roles.Admin, "delete_everything").ShouldBeFalse();
    }

    [Fact]
    public void RoleHas_IsCaseSensitive_ForRoleNames()
    {
        PermissionTable.RoleHas("admin", Permissions.ManageUsers).ShouldBeFalse();
    }

    [Fact]
    public void PermissionsOf_CombinesRoles_InTableOrder()
    {
        var permissions = PermissionTable.PermissionsOf([Roles.Viewer, Roles.Developer]);

        permissions.ShouldBe(
        [
            Permissions.CreateCodestones, Permissions.RunAiPrompts, Permissions.UpdateStreams, Permissions.ViewExecutionQueue,
            Permissions.ViewDashboards, Permissions.ViewStreams, Permissions.ViewCodestones,
        ]);
    }

    [Fact]
    public void PermissionsOf_IsEmpty_WithoutRoles()
    {
        PermissionTable.PermissionsOf([]).ShouldBeEmpty();
    }

    [Fact]
    public void PermissionsOf_SystemActor_HoldsOnlyWhatScheduledWorkflowsNeed()
    {
        PermissionTable.PermissionsOf([Roles.SystemActor]).ShouldBe(
        [
            Permissions.RunAiPrompts, Permissions.UpdateStreams, Permissions.ViewDashboards, Permissions.ViewStreams, Permissions.ViewCodestones,
        ]);
    }

    [Fact]
    public void SystemActor_IsNeverAnApproverNorARoleAPersonCanHold()
    {
        ApproverCapability.Evaluate([Roles.SystemActor], []).IsGranted.ShouldBeFalse();
        Roles.IsKnown(Roles.SystemActor).ShouldBeFalse();
        SystemActor.NameFor("archive-old-streams").ShouldBe("system:archive-old-streams");
    }
}
