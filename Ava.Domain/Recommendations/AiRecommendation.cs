using Ava.Domain.Common;
using Ava.Domain.Security;

namespace Ava.Domain.Recommendations;

/// <summary>
/// What an assistant proposes. Nothing is ever applied without a human decision: the entity
/// only moves out of <see cref="RecommendationStatus.Pending"/> through an intent method that
/// names who decided, when and why.
/// </summary>
public sealed class AiRecommendation : IVersioned
{
    public const int RationaleMaxLength = 4_000;
    public const int SourceMaxLength = 100;
    public const int ReasonMaxLength = 1_000;
    public const int ChangeSummaryMaxLength = 300;

    private IReadOnlyList<ProposedChange> _changes = [];

    private AiRecommendation()
    {
    }

    /// <param name="nouns">How the targets' types are called, for the summaries people read in lists and tickets.</param>
    public AiRecommendation(
        IReadOnlyList<ProposedChange> changes,
        IChangeTargetNouns nouns,
        string rationale,
        double confidence,
        ConfidenceBand band,
        string source,
        string submittedBy,
        DateTimeOffset at)
    {
        if (changes.Count == 0)
        {
            throw new DomainException("A recommendation needs at least one change.");
        }

        _changes = [.. changes];
        Rationale = rationale;
        Confidence = confidence;
        Band = band;
        Source = source;
        SubmittedBy = submittedBy;
        CreatedAt = at;
        TargetType = changes[0].TargetType;
        TargetSummary = changes.Count == 1
            ? changes[0].TargetTitle ?? changes[0].Describe(nouns.NounOf(TargetType))
            : $"{changes.Count} {nouns.NounOf(TargetType).Plural}";
        ChangeSummary = Summarize(changes, nouns);
    }

    public long Id { get; private set; }

    public ChangeTargetType TargetType { get; private set; }

    /// <summary>The target as a person reads it: its title, or how many entities it touches.</summary>
    public string TargetSummary { get; private set; } = "";

    public IReadOnlyList<ProposedChange> Changes => _changes;

    /// <summary>The change in one line for lists: "status → Refined, priority → High".</summary>
    public string ChangeSummary { get; private set; } = "";

    public string Rationale { get; private set; } = "";

    public double Confidence { get; private set; }

    public ConfidenceBand Band { get; private set; }

    public string Source { get; private set; } = "";

    public string SubmittedBy { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public RecommendationStatus Status { get; private set; }

    public string? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>Why: the reject reason, the escalation urgency, the approver's grant, or the apply failure.</summary>
    public string? DecisionReason { get; private set; }

    public long? ChangeSetId { get; private set; }

    public long? TicketId { get; private set; }

    public Guid Version { get; private set; } = Guid.NewGuid();

    public void NewVersion() => Version = Guid.NewGuid();

    /// <summary>
    /// Approves it for applying; the decision records why the approver could approve. A "needs review"
    /// recommendation is approved only with the approver's confirmation that they reviewed the changes.
    /// </summary>
    public void Approve(string by, DateTimeOffset at, ApprovalGrantReason grant, bool reviewConfirmed = false)
    {
        EnsurePending();
        if (grant == ApprovalGrantReason.None)
        {
            throw new DomainException("Only an approver can approve a recommendation.");
        }

        if (Band == ConfidenceBand.NeedsReview && !reviewConfirmed)
        {
            throw new ReviewConfirmationRequiredException();
        }

        Decide(RecommendationStatus.Applied, by, at, ApprovalGrantNames.Of(grant));
    }

    public void LinkChangeSet(long changeSetId)
    {
        if (Status != RecommendationStatus.Applied)
        {
            throw new DomainException("Only an applied recommendation has a changeset.");
        }

        ChangeSetId = changeSetId;
    }

    public void Reject(string by, DateTimeOffset at, string reason)
    {
        EnsurePending();
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("A rejection needs a reason.");
        }

        Decide(RecommendationStatus.Rejected, by, at, reason.Trim());
    }

    public void Escalate(string by, DateTimeOffset at, EscalationUrgency urgency)
    {
        EnsurePending();
        Decide(RecommendationStatus.Escalated, by, at, $"Escalated with {urgency.ToString().ToLowerInvariant()} urgency");
    }

    public void LinkTicket(long ticketId) => TicketId = ticketId;

    /// <summary>The approval could not be applied; nothing of it was written.</summary>
    public void Fail(string by, DateTimeOffset at, string error)
    {
        EnsurePending();
        Decide(RecommendationStatus.Failed, by, at, error.Length > ReasonMaxLength ? error[..ReasonMaxLength] : error);
    }

    public void MarkRolledBack()
    {
        if (Status != RecommendationStatus.Applied)
        {
            throw new DomainException("Only an applied recommendation can be rolled back.");
        }

        Status = RecommendationStatus.RolledBack;
    }

    private static string Summarize(IReadOnlyList<ProposedChange> changes, IChangeTargetNouns nouns)
    {
        static string Short(string? value) =>
            value is null ? "(empty)" : value.Length > 40 ? value[..39].ReplaceLineEndings(" ") + "…" : value.ReplaceLineEndings(" ");

        var parts = changes.Select(c => c.Operation switch
        {
            ChangeOperation.Create => $"create {c.Describe(nouns.NounOf(c.TargetType))}",
            ChangeOperation.Delete => $"delete {c.Describe(nouns.NounOf(c.TargetType))}",
            _ => string.Join(", ", c.Fields.Select(f => f.Value?.Contains('\n', StringComparison.Ordinal) == true ? $"{f.Field} rewritten" : $"{f.Field} → {Short(f.Value)}")),
        }).Distinct().ToList();
        var summary = changes.Count == 1 ? parts[0] : $"{string.Join("; ", parts.Take(3))}{(parts.Count > 3 ? $" and {parts.Count - 3} more" : "")}";
        return summary.Length > ChangeSummaryMaxLength ? summary[..(ChangeSummaryMaxLength - 1)] + "…" : summary;
    }

    private void EnsurePending()
    {
        if (Status != RecommendationStatus.Pending)
        {
            throw new DomainException($"This recommendation is already {(Status == RecommendationStatus.RolledBack ? "rolled back" : Status.ToString().ToLowerInvariant())}.");
        }
    }

    private void Decide(RecommendationStatus status, string by, DateTimeOffset at, string reason)
    {
        Status = status;
        DecidedBy = by;
        DecidedAt = at;
        DecisionReason = reason;
    }
}

/// <summary>A "needs review" recommendation is only approved with the approver's confirmation that they reviewed it.</summary>
public sealed class ReviewConfirmationRequiredException()
    : DomainException("This recommendation needs review: confirm that you have reviewed the changes before approving it.");
