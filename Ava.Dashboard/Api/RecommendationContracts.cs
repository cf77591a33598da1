using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Ava.Domain.Recommendations;
using Ava.Infrastructure.Approvals;
using Ava.Infrastructure.ChangeSets;
using Ava.Infrastructure.Common;
using Microsoft.AspNetCore.Mvc;

namespace Ava.Dashboard.Api;

/// <summary>One field a recommendation sets.</summary>
public sealed record FieldChangeRequest(
    [property: Description("The field's name: for a stream title, status, priority, summary, tags or ecl_score; for a codestone title, language, code, review_status or ecl_score.")] string? Field,
    [property: Description("The new value: a string, a number, an array of strings (tags), or null to clear.")] JsonElement Value);

/// <summary>One entity a recommendation changes, for a recommendation that touches several.</summary>
public sealed record RecommendationTargetRequest(
    [property: Description("stream or codestone.")] string? TargetType,
    [property: Description("The entity's id; null or absent for a create.")] long? TargetId,
    IReadOnlyList<FieldChangeRequest>? Changes,
    [property: Description("create, update or delete; by default create without a targetId and update with one.")] string? Operation = null);

/// <summary>
/// A recommendation from an assistant. Name one target with <c>targetType</c>, <c>targetId</c> and
/// <c>changes</c>, or several with <c>targets</c>. Only allow-listed fields may be changed.
/// </summary>
public sealed record RecommendationSubmitRequest(
    [property: Description("stream or codestone.")] string? TargetType,
    [property: Description("The entity's id; null or absent for a create.")] long? TargetId,
    IReadOnlyList<FieldChangeRequest>? Changes,
    [property: Description("Why the change is right; shown to the approver.")] string? Rationale,
    [property: Description("0.0 to 1.0. At least 0.7 is ready; from 0.4 it needs review; below 0.4 it is escalated to a helpdesk ticket at once.")] double? Confidence,
    [property: Description("code_review, triage, conversation or api:<client>.")] string? Source,
    [property: Description("create, update or delete; by default create without a targetId and update with one.")] string? Operation = null,
    [property: Description("Several entities in one recommendation, applied and rolled back together; replaces targetType, targetId and changes.")] IReadOnlyList<RecommendationTargetRequest>? Targets = null)
{
    internal RecommendationSubmission ToSubmission()
    {
        var values = new ApiValues();
        var confidence = values.Required(Confidence, "confidence");
        var errors = new Dictionary<string, string[]>();
        var single = Targets is null;
        var targets = Targets ?? [new RecommendationTargetRequest(TargetType, TargetId, Changes, Operation)];
        var changes = new List<SubmittedChange>();
        foreach (var (target, i) in targets.Select((t, i) => (t, i)))
        {
            if (target is null)
            {
                errors[$"targets[{i}]"] = [$"'targets[{i}]' must be an object with targetType, targetId and changes."];
                continue;
            }

            var prefix = single ? "" : $"targets[{i}].";
            var fields = new List<FieldChange>();
            foreach (var (change, j) in (target.Changes ?? []).Select((c, j) => (c, j)))
            {
                if (change is null)
                {
                    errors[$"{prefix}changes[{j}]"] = [$"'{prefix}changes[{j}]' must be an object with field and value."];
                    continue;
                }

                fields.Add(new FieldChange(change.Field ?? "", Text(change.Value, $"{prefix}changes[{j}].value", errors)));
            }

            changes.Add(new SubmittedChange(target.TargetType ?? "", target.TargetId, fields, target.Operation));
        }

        foreach (var error in errors)
        {
            values.Check(false, error.Key, error.Value[0]);
        }

        values.ThrowIfInvalid();
        return new RecommendationSubmission(changes, Rationale ?? "", confidence, Source ?? "");
    }

    /// <summary>The service names an entity <c>changes[i]</c> and its fields <c>fields[j]</c>; the request calls them <c>targets[i]</c> (or the top level) and <c>changes[j]</c>.</summary>
    internal InvalidValuesException InRequestTerms(InvalidValuesException invalid) => new(invalid.Errors.ToDictionary(
        e =>
        {
            var key = e.Key.Replace(".fields[", ".changes[", StringComparison.Ordinal).Replace(".fields", ".changes", StringComparison.Ordinal);
            return Targets is null && key.StartsWith("changes[0].", StringComparison.Ordinal)
                ? key["changes[0].".Length..]
                : key.StartsWith("changes[", StringComparison.Ordinal) ? "targets" + key["changes".Length..] : key;
        },
        e => e.Value));

    private static string? Text(JsonElement value, string field, Dictionary<string, string[]> errors)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Undefined or JsonValueKind.Null:
                return null;
            case JsonValueKind.String:
                return value.GetString();
            case JsonValueKind.Number:
                return value.GetDouble().ToString(CultureInfo.InvariantCulture);
            case JsonValueKind.True or JsonValueKind.False:
                return value.GetBoolean() ? "true" : "false";
            case JsonValueKind.Array when value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String):
                return string.Join(", ", value.EnumerateArray().Select(v => v.GetString()));
            default:
                errors[field] = [$"'{field}' must be a string, a number, an array of strings or null."];
                return null;
        }
    }
}

public sealed record RecommendationApproveRequest(
    [property: Description("Required for a recommendation in the needs-review band: the approver confirms they reviewed the changes.")] bool? AcknowledgeNeedsReview);

public sealed record RecommendationRejectRequest([property: Description("Why it is rejected; required.")] string? Reason);

public sealed record RecommendationEscalateRequest([property: Description("Low, Medium, High or Critical; sets the ticket's priority.")] EscalationUrgency? Urgency);

public sealed record FieldChangeResource(string Field, string? Value);

public sealed record ProposedChangeResource(ChangeTargetType TargetType, long? TargetId, ChangeOperation Operation, string? TargetTitle, IReadOnlyList<FieldChangeResource> Changes);

/// <summary>What approval would change in one field now: the current value and the proposed one.</summary>
public sealed record FieldPreviewResource(string Field, string? Current, string? Proposed);

public sealed record ChangePreviewResource(
    ChangeTargetType TargetType, long? TargetId, ChangeOperation Operation, string TargetTitle, IReadOnlyList<FieldPreviewResource> Fields,
    [property: Description("Validator messages the apply would fail with.")] IReadOnlyList<string> Problems,
    [property: Description("Set when the target changed after the recommendation was submitted.")] string? ChangedSinceSubmission);

/// <summary>A recommendation with its decision; <c>preview</c> is filled while it is pending.</summary>
public sealed record RecommendationResource(
    long Id,
    RecommendationStatus Status,
    ConfidenceBand Band,
    double Confidence,
    string Source,
    string Rationale,
    ChangeTargetType TargetType,
    string TargetSummary,
    string SubmittedBy,
    DateTimeOffset CreatedAt,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? DecisionReason,
    long? ChangeSetId,
    long? TicketId,
    string? TicketNumber,
    IReadOnlyList<ProposedChangeResource> Changes,
    IReadOnlyList<ChangePreviewResource> Preview)
{
    internal static RecommendationResource From(RecommendationDetail r) => new(
        r.Id, r.Status, r.Band, r.Confidence, r.Source, r.Rationale, r.TargetType, r.TargetSummary, r.SubmittedBy, r.CreatedAt,
        r.DecidedBy, r.DecidedAt, r.DecisionReason, r.ChangeSetId, r.TicketId, r.TicketNumber,
        r.Changes.Select(c => new ProposedChangeResource(c.TargetType, c.TargetId, c.Operation, c.TargetTitle, c.Fields.Select(f => new FieldChangeResource(f.Field, f.Value)).ToList())).ToList(),
        r.Preview.Select(p => new ChangePreviewResource(p.TargetType, p.TargetId, p.Operation, p.TargetTitle,
            p.Fields.Select(f => new FieldPreviewResource(f.Field, f.Current, f.Proposed)).ToList(), p.Problems, p.ChangedSinceSubmission)).ToList());
}

public sealed record RecommendationListItem(
    long Id, RecommendationStatus Status, ConfidenceBand Band, double Confidence, string Source, ChangeTargetType TargetType, string TargetSummary,
    string ChangeSummary, DateTimeOffset CreatedAt, string? DecidedBy);

/// <param name="PendingCounts">Pending recommendations per band, and how many were escalated.</param>
public sealed record RecommendationList(IReadOnlyList<RecommendationListItem> Items, int Page, int PageSize, int TotalCount, BandCounts PendingCounts);

public sealed record TicketResource(long Id, string Number, string Priority, string Status, string Subject, long RecommendationId);

/// <summary>The recommendations list's query string.</summary>
public sealed record RecommendationListParameters(
    [property: FromQuery(Name = "status"), Description("Pending (default), Applied, Rejected, Escalated, Failed, RolledBack, or all.")] string? Status,
    [property: FromQuery(Name = "source"), Description("Exactly this source, e.g. triage or api:sync-daemon.")] string? Source,
    [property: FromQuery(Name = "targetType"), Description("The kind of entity, by its API name: stream or codestone.")] string? TargetType,
    [property: FromQuery(Name = "band"), Description("Ready, NeedsReview or Escalated.")] string? Band,
    [property: FromQuery(Name = "page"), Description("Zero-based page number (default 0).")] int? Page,
    [property: FromQuery(Name = "pageSize"), Description("Rows per page, 1 to 200 (default 25).")] int? PageSize)
{
    internal (RecommendationQuery Query, PageRequest Page) ToQuery(ChangeTargets targets)
    {
        var values = new ApiValues();
        var all = string.Equals(Status?.Trim(), "all", StringComparison.OrdinalIgnoreCase);
        var query = new RecommendationQuery(
            Status: all ? null : values.Enum<RecommendationStatus>(Status, "status") ?? RecommendationStatus.Pending,
            Source: string.IsNullOrWhiteSpace(Source) ? null : Source.Trim(),
            TargetType: values.TargetType(TargetType, "targetType", targets),
            Band: values.Enum<ConfidenceBand>(Band, "band"));
        ApiPaging.Check(values, Page ?? 0, PageSize ?? PageRequest.DefaultSize, PageRequest.MaxSize);
        values.ThrowIfInvalid();
        return (query, new PageRequest(Page ?? 0, PageSize ?? PageRequest.DefaultSize));
    }
}
