namespace Ava.Domain.Security;

/// <summary>
/// Who a scheduled workflow acts as: a named actor with the <see cref="Roles.SystemActor"/> column of the
/// permission table, recorded in the audit log as <c>system:&lt;workflow-name&gt;</c>.
/// </summary>
public static class SystemActor
{
    public const string Prefix = "system:";

    public static string NameFor(string workflowName) => Prefix + workflowName;

    public static bool IsSystemName(string? userName) => userName?.StartsWith(Prefix, StringComparison.Ordinal) == true;
}
