using Ava.Domain.Audit;

namespace Ava.Domain.ChangeSets;

[AuditActionSet("Changesets")]
public static class ChangeSetAuditActions
{
    public const string Applied = "changeset.applied";
    public const string RolledBack = "changeset.rolled_back";
    public const string RollbackRefused = "changeset.rollback_refused";
}
