using Ava.Domain.Security;

namespace Ava.Dashboard.Security;

/// <summary>Authorization policy names: one per permission, plus the approver capability and the jobs dashboard.</summary>
public static class Policies
{
    private const string PermissionPrefix = "permission:";

    public const string ApproveAiRecommendations = ApproverCapability.Name;

    /// <summary>The Hangfire dashboard: it shows job arguments and can re-run jobs.</summary>
    public const string JobsDashboard = "jobs_dashboard";

    /// <summary>The approvals queue and changesets: run_ai_prompts or the approver capability.</summary>
    public const string ViewApprovals = "view_approvals";

    public static string For(string permission) => PermissionPrefix + permission;

    /// <summary>The permission a policy stands for, or the policy name itself for the composite ones.</summary>
    public static string Describe(string? policy) =>
        policy is null ? "signed-in user"
        : policy.StartsWith(PermissionPrefix, StringComparison.Ordinal) ? policy[PermissionPrefix.Length..]
        : policy;

    public const string ExecuteCommands = PermissionPrefix + Permissions.ExecuteCommands;
    public const string ModifySchemas = PermissionPrefix + Permissions.ModifySchemas;
    public const string ViewLogs = PermissionPrefix + Permissions.ViewLogs;
    public const string ManageUsers = PermissionPrefix + Permissions.ManageUsers;
    public const string CreateCodestones = PermissionPrefix + Permissions.CreateCodestones;
    public const string RunAiPrompts = PermissionPrefix + Permissions.RunAiPrompts;
    public const string UpdateStreams = PermissionPrefix + Permissions.UpdateStreams;
    public const string ViewExecutionQueue = PermissionPrefix + Permissions.ViewExecutionQueue;
    public const string ViewDashboards = PermissionPrefix + Permissions.ViewDashboards;
    public const string ViewStreams = PermissionPrefix + Permissions.ViewStreams;
    public const string ViewCodestones = PermissionPrefix + Permissions.ViewCodestones;
}
