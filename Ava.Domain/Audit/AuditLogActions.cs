namespace Ava.Domain.Audit;

/// <summary>What people do with the audit log itself.</summary>
[AuditActionSet("Audit log")]
public static class AuditLogActions
{
    public const string Exported = "audit.exported";

    /// <summary>A signed checkpoint of the chain's head (the audit-checkpoint workflow).</summary>
    public const string Checkpoint = "audit.checkpoint";
}
