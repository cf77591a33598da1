using Ava.Domain.Common;
using Ava.Domain.Recommendations;
using Ava.Domain.Security;

namespace Ava.Domain.ChangeSets;

public enum ChangeSetStatus
{
    Applied = 0,
    RolledBack = 1,
}

public enum ChangeSetComplexity
{
    Simple = 0,
    Moderate = 1,
    Complex = 2,
}

/// <summary>
/// One applied recommendation: the records of every entity it touched, with their full before
/// and after state, so that it can be shown as a diff and rolled back exactly once.
/// </summary>
public sealed class AiChangeSet : IVersioned
{
    private readonly List<AiChangeRecord> _records = [];

    private AiChangeSet()
    {
    }

    public AiChangeSet(long recommendationId, IReadOnlyList<AiChangeRecord> records, string appliedBy, ApprovalGrantReason grant, DateTimeOffset at)
    {
        if (records.Count == 0)
        {
            throw new DomainException("A changeset records at least one entity.");
        }

        RecommendationId = recommendationId;
        _records.AddRange(records);
        AppliedBy = appliedBy;
        ApprovalGrant = ApprovalGrantNames.Of(grant);
        AppliedAt = at;
        TargetType = records[0].EntityType;
        EntityCount = records.Count;
        Complexity = ChangeSetComplexityRules.Of(records.Select(r => (r.Operation, r.ChangedFields.Count)).ToList());
    }

    public long Id { get; private set; }

    public long RecommendationId { get; private set; }

    public IReadOnlyList<AiChangeRecord> Records => _records;

    public ChangeTargetType TargetType { get; private set; }

    public int EntityCount { get; private set; }

    public ChangeSetComplexity Complexity { get; private set; }

    public ChangeSetStatus Status { get; private set; }

    public string AppliedBy { get; private set; } = "";

    /// <summary>
    /// Why the approver could approve, by its written name (<see cref="ApprovalGrantNames"/>); read it
    /// with <see cref="ApprovalGrantNames.Parse"/>, which also knows the older spelling.
    /// </summary>
    public string ApprovalGrant { get; private set; } = "";

    public DateTimeOffset AppliedAt { get; private set; }

    public string? RolledBackBy { get; private set; }

    public DateTimeOffset? RolledBackAt { get; private set; }

    public string? RollbackReason { get; private set; }

    public Guid Version { get; private set; } = Guid.NewGuid();

    public void NewVersion() => Version = Guid.NewGuid();

    public void EnsureCanRollBack()
    {
        if (Status == ChangeSetStatus.RolledBack)
        {
            throw new DomainException($"This changeset was already rolled back by {RolledBackBy} at {RolledBackAt:yyyy-MM-dd HH:mm} UTC.");
        }
    }

    public void RollBack(string by, DateTimeOffset at, string reason)
    {
        EnsureCanRollBack();
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("A rollback needs a reason.");
        }

        Status = ChangeSetStatus.RolledBack;
        RolledBackBy = by;
        RolledBackAt = at;
        RollbackReason = reason.Trim();
    }
}

/// <summary>specification §3: simple is one entity and at most 3 fields; moderate is up to 5 entities or any create; complex is more than 5 entities or any delete.</summary>
public static class ChangeSetComplexityRules
{
    public const int SimpleMaxFields = 3;
    public const int ModerateMaxEntities = 5;

    public static ChangeSetComplexity Of(IReadOnlyList<(ChangeOperation Operation, int FieldCount)> records)
    {
        if (records.Count > ModerateMaxEntities || records.Any(r => r.Operation == ChangeOperation.Delete))
        {
            return ChangeSetComplexity.Complex;
        }

        var simple = records.Count == 1 && records[0].Operation == ChangeOperation.Update && records[0].FieldCount <= SimpleMaxFields;
        return simple ? ChangeSetComplexity.Simple : ChangeSetComplexity.Moderate;
    }
}
