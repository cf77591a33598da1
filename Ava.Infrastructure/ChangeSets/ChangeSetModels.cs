using Ava.Domain.ChangeSets;
using Ava.Domain.Recommendations;

namespace Ava.Infrastructure.ChangeSets;

public sealed record ChangeSetQuery(
    ChangeSetStatus? Status = null,
    string? AppliedBy = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    ChangeSetComplexity? Complexity = null,
    ChangeTargetType? TargetType = null);

public sealed record ChangeSetRow(
    long Id,
    long RecommendationId,
    ChangeTargetType TargetType,
    string TargetSummary,
    int EntityCount,
    ChangeSetComplexity Complexity,
    ChangeSetStatus Status,
    string AppliedBy,
    DateTimeOffset AppliedAt,
    string? RolledBackBy,
    DateTimeOffset? RolledBackAt);

/// <summary>One field of a record: before and after, and whether the changeset wrote it.</summary>
public sealed record FieldDiff(string Field, string? Before, string? After, bool Written, bool IsLongText)
{
    public bool Changed => !string.Equals(Before, After, StringComparison.Ordinal);
}

public sealed record ChangeRecordView(
    int Order,
    ChangeTargetType EntityType,
    long EntityId,
    ChangeOperation Operation,
    string Title,
    IReadOnlyList<FieldDiff> Fields,
    EntitySnapshot? Before,
    EntitySnapshot? After);

/// <param name="ApprovalGrant">Why the approver could approve, by its written name: admin_role or approver_claim.</param>
public sealed record ChangeSetDetail(
    ChangeSetRow Summary,
    string ApprovalGrant,
    string Rationale,
    string Source,
    double Confidence,
    string? RollbackReason,
    IReadOnlyList<ChangeRecordView> Records);
