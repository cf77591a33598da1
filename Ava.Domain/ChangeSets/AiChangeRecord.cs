using Ava.Domain.Recommendations;

namespace Ava.Domain.ChangeSets;

/// <summary>
/// One entity a changeset touched, in the order it was applied: the full state before and after
/// (JSON; null before a create and after a delete) and the fields the changeset wrote.
/// </summary>
public sealed class AiChangeRecord
{
    private IReadOnlyList<string> _changedFields = [];

    private AiChangeRecord()
    {
    }

    public AiChangeRecord(int order, ChangeTargetType entityType, long entityId, ChangeOperation operation, string? before, string? after, IReadOnlyList<string> changedFields)
    {
        Order = order;
        EntityType = entityType;
        EntityId = entityId;
        Operation = operation;
        BeforeState = before;
        AfterState = after;
        _changedFields = [.. changedFields];
    }

    public long Id { get; private set; }

    public long ChangeSetId { get; private set; }

    public int Order { get; private set; }

    public ChangeTargetType EntityType { get; private set; }

    public long EntityId { get; private set; }

    public ChangeOperation Operation { get; private set; }

    public string? BeforeState { get; private set; }

    public string? AfterState { get; private set; }

    public IReadOnlyList<string> ChangedFields => _changedFields;
}
