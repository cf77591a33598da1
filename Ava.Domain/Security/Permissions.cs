namespace Ava.Domain.Security;

/// <summary>The permission names of the product's permission table (specification §2).</summary>
public static class Permissions
{
    public const string ExecuteCommands = "execute_commands";
    public const string ModifySchemas = "modify_schemas";
    public const string ViewLogs = "view_logs";
    public const string ManageUsers = "manage_users";
    public const string CreateCodestones = "create_codestones";
    public const string RunAiPrompts = "run_ai_prompts";
    public const string UpdateStreams = "update_streams";
    public const string ViewExecutionQueue = "view_execution_queue";
    public const string ViewDashboards = "view_dashboards";
    public const string ViewStreams = "view_streams";
    public const string ViewCodestones = "view_codestones";

    /// <summary>Every permission, in the order of the table.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        ExecuteCommands, ModifySchemas, ViewLogs, ManageUsers, CreateCodestones, RunAiPrompts,
        UpdateStreams, ViewExecutionQueue, ViewDashboards, ViewStreams, ViewCodestones,
    ];
}
