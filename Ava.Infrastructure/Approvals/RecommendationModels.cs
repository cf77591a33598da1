using Ava.Domain.Recommendations;
using Ava.Infrastructure.ChangeSets;
using Ava.Infrastructure.Common;

namespace Ava.Infrastructure.Approvals;

/// <summary>What an assistant submits: one or more entity changes and why.</summary>
public sealed record RecommendationSubmission(IReadOnlyList<SubmittedChange> Changes, string Rationale, double Confidence, string Source);

/// <summary>
/// One entity change as submitted: the type by API name ("stream", "codestone"), the id (none for
/// a create) and the fields; <paramref name="Operation"/> is "create", "update" or "delete" and
/// defaults to create without an id and update with one.
/// </summary>
public sealed record SubmittedChange(string TargetType, long? TargetId, IReadOnlyList<FieldChange> Fields, string? Operation = null);

/// <summary>The result of a submission: the new recommendation, and its ticket when it was escalated at once.</summary>
public sealed record SubmissionResult(long Id, RecommendationStatus Status, ConfidenceBand Band, long? TicketId, string? TicketNumber);

/// <summary>Which recommendations a list shows: pending ones by default.</summary>
public sealed record RecommendationQuery(
    RecommendationStatus? Status = RecommendationStatus.Pending,
    string? Source = null,
    ChangeTargetType? TargetType = null,
    ConfidenceBand? Band = null);

public sealed record RecommendationRow(
    long Id,
    ChangeTargetType TargetType,
    string TargetSummary,
    string ChangeSummary,
    double Confidence,
    ConfidenceBand Band,
    string Source,
    DateTimeOffset CreatedAt,
    RecommendationStatus Status,
    string? DecidedBy);

/// <summary>Pending recommendations per band, and how many were escalated.</summary>
public sealed record BandCounts(int Ready, int NeedsReview, int Escalated);

/// <summary>One page of the queue, and the counts per band that the quick filters show beside it.</summary>
public sealed record RecommendationPage(Paged<RecommendationRow> Rows, BandCounts Counts)
{
    public IReadOnlyList<RecommendationRow> Items => Rows.Items;

    public int Total => Rows.Total;
}

/// <summary>One entity of a recommendation as approval would change it.</summary>
public sealed record ChangePreview(
    ChangeTargetType TargetType,
    long? TargetId,
    ChangeOperation Operation,
    string TargetTitle,
    IReadOnlyList<FieldPreview> Fields,
    IReadOnlyList<string> Problems,
    string? ChangedSinceSubmission);

public sealed record RecommendationDetail(
    long Id,
    ChangeTargetType TargetType,
    string TargetSummary,
    string Rationale,
    double Confidence,
    ConfidenceBand Band,
    string Source,
    string SubmittedBy,
    DateTimeOffset CreatedAt,
    RecommendationStatus Status,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? DecisionReason,
    long? ChangeSetId,
    long? TicketId,
    string? TicketNumber,
    IReadOnlyList<ProposedChange> Changes,
    IReadOnlyList<ChangePreview> Preview,
    Guid Version);

public sealed record TicketReference(long Id, string Number);
