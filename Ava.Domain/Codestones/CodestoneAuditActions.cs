using Ava.Domain.Audit;

namespace Ava.Domain.Codestones;

[AuditActionSet("Codestones")]
public static class CodestoneAuditActions
{
    public const string Created = "codestone.created";
    public const string Updated = "codestone.updated";
    public const string Deleted = "codestone.deleted";
}
