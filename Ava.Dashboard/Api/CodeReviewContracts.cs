using System.ComponentModel;
using Ava.Domain.Codestones;
using Ava.Domain.Prompts;
using Ava.Infrastructure.Codestones;

namespace Ava.Dashboard.Api;

/// <summary>One AI review of a codestone: its state, the four 0–10 scores and the ECL, the findings, where it came from, and the recommendation it submitted.</summary>
public sealed record CodeReviewResource(
    long Id,
    long CodestoneId,
    [property: Description("Queued, Running, Completed or Failed.")] CodeReviewStatus Status,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    int Attempts,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    [property: Description("Why it failed, why the last attempt did, or why its recommendation was refused.")] string? Error,
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
    [property: Description("Inputs (title, code) flagged as likely prompt injections.")] IReadOnlyList<FlaggedInput> FlaggedInputs,
    [property: Description("The recommendation it submitted to the approval queue.")] long? RecommendationId)
{
    internal static CodeReviewResource From(CodeReviewDetail r) => new(
        r.Id, r.CodestoneId, r.Status, r.RequestedBy, r.RequestedAt, r.Attempts, r.StartedAt, r.CompletedAt, r.Error,
        r.FunctionalityScore, r.CodeQualityScore, r.SecurityScore, r.PerformanceScore, r.EclScore, r.Assessment,
        r.Strengths, r.Weaknesses, r.SecurityIssues, r.RecommendedChanges, r.RecommendedStatus,
        r.TemplateVersion, r.PromptRunId, r.Provider, r.Model, r.IsOffline, r.FlaggedInputs, r.RecommendationId);
}

/// <summary>A review was queued: poll <see cref="Review"/> until its status is Completed or Failed.</summary>
public sealed record CodeReviewAccepted(
    long ReviewId,
    long CodestoneId,
    CodeReviewStatus Status,
    [property: Description("The workflow run's job id on /workflows.")] string JobId,
    [property: Description("Where to follow the review.")] string Review);
