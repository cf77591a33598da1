using System.ComponentModel;
using Ava.Domain.ChangeSets;
using Ava.Domain.Recommendations;
using Ava.Infrastructure.ChangeSets;
using Ava.Infrastructure.Common;
using Microsoft.AspNetCore.Mvc;

namespace Ava.Dashboard.Api;

/// <summary>One entity a changeset touched, with its full state before and after (null before a create, after a delete).</summary>
public sealed record ChangeRecordResource(
    int Order,
    ChangeTargetType EntityType,
    long EntityId,
    ChangeOperation Operation,
    [property: Description("The fields the changeset wrote.")] IReadOnlyList<string> ChangedFields,
    IReadOnlyDictionary<string, string?>? Before,
    IReadOnlyDictionary<string, string?>? After);

public sealed record ChangeSetResource(
    long Id,
    long RecommendationId,
    ChangeSetStatus Status,
    ChangeSetComplexity Complexity,
    ChangeTargetType TargetType,
    string TargetSummary,
    int EntityCount,
    string AppliedBy,
    DateTimeOffset AppliedAt,
    [property: Description("Why the approver could approve: admin_role or approver_claim.")] string ApprovalGrant,
    string? RolledBackBy,
    DateTimeOffset? RolledBackAt,
    string? RollbackReason,
    IReadOnlyList<ChangeRecordResource> Records)
{
    internal static ChangeSetResource From(ChangeSetDetail c) => new(
        c.Summary.Id, c.Summary.RecommendationId, c.Summary.Status, c.Summary.Complexity, c.Summary.TargetType, c.Summary.TargetSummary, c.Summary.EntityCount,
        c.Summary.AppliedBy, c.Summary.AppliedAt, c.ApprovalGrant, c.Summary.RolledBackBy, c.Summary.RolledBackAt, c.RollbackReason,
        c.Records.Select(r => new ChangeRecordResource(r.Order, r.EntityType, r.EntityId, r.Operation,
            r.Fields.Where(f => f.Written).Select(f => f.Field).ToList(), r.Before?.Fields, r.After?.Fields)).ToList());
}

public sealed record ChangeSetListItem(
    long Id, long RecommendationId, ChangeSetStatus Status, ChangeSetComplexity Complexity, ChangeTargetType TargetType, string TargetSummary,
    int EntityCount, string AppliedBy, DateTimeOffset AppliedAt, string? RolledBackBy, DateTimeOffset? RolledBackAt);

public sealed record ChangeSetList(IReadOnlyList<ChangeSetListItem> Items, int Page, int PageSize, int TotalCount);

public sealed record ChangeSetRollbackRequest([property: Description("Why it is rolled back; required.")] string? Reason);

/// <summary>The changesets list's query string.</summary>
public sealed record ChangeSetListParameters(
    [property: FromQuery(Name = "status"), Description("Applied or RolledBack.")] string? Status,
    [property: FromQuery(Name = "appliedBy"), Description("The approver's user name (email).")] string? AppliedBy,
    [property: FromQuery(Name = "from"), Description("Applied at or after this instant (ISO 8601).")] DateTimeOffset? From,
    [property: FromQuery(Name = "to"), Description("Applied before this instant (ISO 8601).")] DateTimeOffset? To,
    [property: FromQuery(Name = "complexity"), Description("Simple, Moderate or Complex.")] string? Complexity,
    [property: FromQuery(Name = "targetType"), Description("The kind of entity, by its API name: stream or codestone.")] string? TargetType,
    [property: FromQuery(Name = "page"), Description("Zero-based page number (default 0).")] int? Page,
    [property: FromQuery(Name = "pageSize"), Description("Rows per page, 1 to 200 (default 25).")] int? PageSize)
{
    internal (ChangeSetQuery Query, PageRequest Page) ToQuery(ChangeTargets targets)
    {
        var values = new ApiValues();
        var query = new ChangeSetQuery(
            Status: values.Enum<ChangeSetStatus>(Status, "status"),
            AppliedBy: string.IsNullOrWhiteSpace(AppliedBy) ? null : AppliedBy.Trim(),
            From: From,
            To: To,
            Complexity: values.Enum<ChangeSetComplexity>(Complexity, "complexity"),
            TargetType: values.TargetType(TargetType, "targetType", targets));
        values.Check(From is null || To is null || From < To, "to", "'to' must be after 'from'.");
        ApiPaging.Check(values, Page ?? 0, PageSize ?? PageRequest.DefaultSize, PageRequest.MaxSize);
        values.ThrowIfInvalid();
        return (query, new PageRequest(Page ?? 0, PageSize ?? PageRequest.DefaultSize));
    }
}
