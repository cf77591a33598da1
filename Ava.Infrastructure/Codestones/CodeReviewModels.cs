using Ava.Domain.Codestones;
using Ava.Domain.Common;
using Ava.Domain.Prompts;

namespace Ava.Infrastructure.Codestones;

/// <summary>The live-update topic of code reviews: a review was asked for, started, finished or failed.</summary>
public sealed record CodeReviewChanged(long ReviewId, long CodestoneId, Guid? BatchId);

/// <summary>A codestone has a review waiting already: a second one is refused until it ends.</summary>
public sealed class ReviewAlreadyWaitingException(long codestoneId, long reviewId)
    : DomainException($"Codestone {codestoneId} already has an AI review waiting (review #{reviewId}); a second one can be asked for once it has finished.")
{
    public long CodestoneId { get; } = codestoneId;

    public long ReviewId { get; } = reviewId;
}

/// <summary>One review as the codestone page, the approval page and the API show it.</summary>
public sealed record CodeReviewDetail(
    long Id,
    long CodestoneId,
    string? CodestoneTitle,
    CodeReviewStatus Status,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    Guid? BatchId,
    int Attempts,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    string? Error,
    double? FunctionalityScore,
    double? CodeQualityScore,
    double? SecurityScore,
    double? PerformanceScore,
    double? EclScore,
    string? Assessment,
    IReadOnlyList<string> Strengths,
    IReadOnlyList<string> Weaknesses,
    IReadOnlyList<string> SecurityIssues,
    IReadOnlyList<string> RecommendedChanges,
    ReviewStatus? RecommendedStatus,
    string? TemplateVersion,
    long? PromptRunId,
    string? Provider,
    string? Model,
    bool IsOffline,
    int TokensIn,
    int TokensOut,
    int DurationMs,
    double InjectionScore,
    IReadOnlyList<FlaggedInput> FlaggedInputs,
    long? RecommendationId)
{
    public bool Flagged => FlaggedInputs.Count > 0;

    public bool IsWaiting => Status is CodeReviewStatus.Queued or CodeReviewStatus.Running;

    internal static CodeReviewDetail From(CodeReview r, string? codestoneTitle) => new(
        r.Id, r.CodestoneId, codestoneTitle, r.Status, r.RequestedBy, r.RequestedAt, r.BatchId, r.Attempts, r.StartedAt, r.CompletedAt, r.Error,
        r.FunctionalityScore, r.CodeQualityScore, r.SecurityScore, r.PerformanceScore, r.EclScore, r.Assessment,
        r.Strengths, r.Weaknesses, r.SecurityIssues, r.RecommendedChanges, r.RecommendedStatus,
        r.TemplateVersion, r.PromptRunId, r.Provider, r.Model, r.IsOffline, r.TokensIn, r.TokensOut, r.DurationMs,
        r.InjectionScore, r.FlaggedInputs, r.RecommendationId);
}

/// <summary>A review was asked for: where to follow it (the review, and the workflow run of its job).</summary>
public sealed record ReviewRequest(long ReviewId, long CodestoneId, string JobId);

/// <summary>
/// Reviews asked for together: the batch (its progress view), the reviews queued, and the codestones
/// left out with the reason (a review already waiting, no such codestone, over the batch limit).
/// </summary>
public sealed record BatchRequest(Guid BatchId, IReadOnlyList<ReviewRequest> Queued, IReadOnlyList<SkippedCodestone> Skipped, int Remaining);

public sealed record SkippedCodestone(long CodestoneId, string Reason);

/// <summary>Where a batch stands: each review's state, and how many have ended.</summary>
public sealed record BatchProgress(Guid BatchId, IReadOnlyList<BatchItem> Items)
{
    public int Total => Items.Count;

    public int Completed => Items.Count(i => i.Status == CodeReviewStatus.Completed);

    public int Failed => Items.Count(i => i.Status == CodeReviewStatus.Failed);

    public int Finished => Completed + Failed;

    public bool IsDone => Finished == Total;
}

public sealed record BatchItem(long ReviewId, long CodestoneId, string CodestoneTitle, CodeReviewStatus Status, double? EclScore, long? RecommendationId, string? Error);
