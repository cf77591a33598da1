using Ava.Domain.Common;
using Ava.Domain.Prompts;

namespace Ava.Domain.Codestones;

public enum CodeReviewStatus
{
    /// <summary>Asked for; its job has not started yet.</summary>
    Queued = 0,

    Running = 1,

    Completed = 2,

    /// <summary>Ended without a review; <see cref="CodeReview.Error"/> says why.</summary>
    Failed = 3,
}

/// <summary>
/// One AI review of a codestone, from the request to its result: the four 0–10 scores, the ECL, the
/// findings and the status the reviewer recommends, where the review came from (template version,
/// PromptRun, provider), the inputs flagged as likely prompt injections, and the recommendation it
/// submitted. A codestone has at most one review waiting at a time; a finished review never changes.
/// </summary>
public sealed class CodeReview : IVersioned
{
    public const int ByMaxLength = 256;
    public const int ErrorMaxLength = 2_000;
    public const int AssessmentMaxLength = 4_000;
    public const int MaxFindings = 30;
    public const int FindingMaxLength = 500;

    private IReadOnlyList<string> _strengths = [];
    private IReadOnlyList<string> _weaknesses = [];
    private IReadOnlyList<string> _securityIssues = [];
    private IReadOnlyList<string> _recommendedChanges = [];
    private IReadOnlyList<FlaggedInput> _flaggedInputs = [];

    private CodeReview()
    {
    }

    public CodeReview(long codestoneId, string requestedById, string requestedBy, Guid? batchId, DateTimeOffset at)
    {
        CodestoneId = codestoneId;
        RequestedById = requestedById;
        RequestedBy = Cut(requestedBy, ByMaxLength)!;
        BatchId = batchId;
        RequestedAt = at;
        Status = CodeReviewStatus.Queued;
    }

    public long Id { get; private set; }

    public long CodestoneId { get; private set; }

    public CodeReviewStatus Status { get; private set; }

    public string RequestedById { get; private set; } = "";

    public string RequestedBy { get; private set; } = "";

    public DateTimeOffset RequestedAt { get; private set; }

    /// <summary>Reviews asked for together from the codestones list share a batch, which has one progress view.</summary>
    public Guid? BatchId { get; private set; }

    /// <summary>The background job of the latest attempt.</summary>
    public string? JobId { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>Why the review failed, why the last attempt did while another one is coming, or why a completed review's recommendation was refused.</summary>
    public string? Error { get; private set; }

    public double? FunctionalityScore { get; private set; }

    public double? CodeQualityScore { get; private set; }

    public double? SecurityScore { get; private set; }

    public double? PerformanceScore { get; private set; }

    public double? EclScore { get; private set; }

    public string? Assessment { get; private set; }

    public IReadOnlyList<string> Strengths => _strengths;

    public IReadOnlyList<string> Weaknesses => _weaknesses;

    public IReadOnlyList<string> SecurityIssues => _securityIssues;

    public IReadOnlyList<string> RecommendedChanges => _recommendedChanges;

    /// <summary>The status the reviewer recommends; null when its answer named none the product knows.</summary>
    public ReviewStatus? RecommendedStatus { get; private set; }

    public long? TemplateVersionId { get; private set; }

    public string? TemplateVersion { get; private set; }

    public long? PromptRunId { get; private set; }

    public string? Provider { get; private set; }

    public string? Model { get; private set; }

    public bool IsOffline { get; private set; }

    public int TokensIn { get; private set; }

    public int TokensOut { get; private set; }

    public int DurationMs { get; private set; }

    public double InjectionScore { get; private set; }

    /// <summary>The inputs (title, code) flagged as likely prompt injections.</summary>
    public IReadOnlyList<FlaggedInput> FlaggedInputs => _flaggedInputs;

    public bool Flagged => _flaggedInputs.Count > 0;

    /// <summary>The recommendation this review submitted to the approval queue.</summary>
    public long? RecommendationId { get; private set; }

    public Guid Version { get; private set; } = Guid.NewGuid();

    public bool IsWaiting => Status is CodeReviewStatus.Queued or CodeReviewStatus.Running;

    public bool IsFinished => Status is CodeReviewStatus.Completed or CodeReviewStatus.Failed;

    public void NewVersion() => Version = Guid.NewGuid();

    /// <summary>An attempt starts (the first, or a retry after a failed one) in the job <paramref name="jobId"/>.</summary>
    public void Start(string? jobId, int attempt, DateTimeOffset at)
    {
        EnsureNotFinished();
        Status = CodeReviewStatus.Running;
        JobId = jobId ?? JobId;
        Attempts = Math.Max(Attempts, attempt);
        StartedAt ??= at;
    }

    /// <summary>An attempt failed and another one will follow; the review keeps waiting.</summary>
    public void AttemptFailed(string error)
    {
        EnsureNotFinished();
        Status = CodeReviewStatus.Queued;
        Error = Cut(error, ErrorMaxLength);
    }

    public void Complete(CodeReviewFindings findings, CodeReviewProvenance provenance, DateTimeOffset at)
    {
        EnsureNotFinished();
        FunctionalityScore = Score(findings.Functionality, "functionality");
        CodeQualityScore = Score(findings.CodeQuality, "code quality");
        SecurityScore = Score(findings.Security, "security");
        PerformanceScore = Score(findings.Performance, "performance");
        if (double.IsNaN(findings.Ecl) || findings.Ecl is < 0 or > 1)
        {
            throw new DomainException("The ECL of a review is between 0.0 and 1.0.");
        }

        EclScore = Math.Round(findings.Ecl, 2);
        Assessment = Cut(findings.Assessment?.Trim(), AssessmentMaxLength);
        _strengths = Findings(findings.Strengths);
        _weaknesses = Findings(findings.Weaknesses);
        _securityIssues = Findings(findings.SecurityIssues);
        _recommendedChanges = Findings(findings.RecommendedChanges);
        RecommendedStatus = findings.RecommendedStatus;
        TemplateVersionId = provenance.TemplateVersionId;
        TemplateVersion = provenance.TemplateVersion;
        PromptRunId = provenance.PromptRunId;
        Provider = provenance.Provider;
        Model = provenance.Model;
        IsOffline = provenance.IsOffline;
        TokensIn = provenance.TokensIn;
        TokensOut = provenance.TokensOut;
        DurationMs = provenance.DurationMs;
        InjectionScore = Math.Round(Math.Clamp(provenance.InjectionScore, 0, 1), 3);
        _flaggedInputs = [.. provenance.FlaggedInputs];
        Status = CodeReviewStatus.Completed;
        CompletedAt = at;
        Error = null;
    }

    /// <summary>The review ends without a result. <paramref name="provenance"/> names the run that failed, when there was one.</summary>
    public void Fail(string error, CodeReviewProvenance? provenance, DateTimeOffset at)
    {
        EnsureNotFinished();
        Status = CodeReviewStatus.Failed;
        Error = Cut(error, ErrorMaxLength);
        CompletedAt = at;
        if (provenance is not null)
        {
            TemplateVersionId = provenance.TemplateVersionId;
            TemplateVersion = provenance.TemplateVersion;
            PromptRunId = provenance.PromptRunId;
            Provider = provenance.Provider;
            Model = provenance.Model;
            IsOffline = provenance.IsOffline;
            InjectionScore = Math.Round(Math.Clamp(provenance.InjectionScore, 0, 1), 3);
            _flaggedInputs = [.. provenance.FlaggedInputs];
        }
    }

    public void LinkRecommendation(long recommendationId)
    {
        if (Status != CodeReviewStatus.Completed)
        {
            throw new DomainException("Only a completed review submits a recommendation.");
        }

        if (RecommendationId is not null && RecommendationId != recommendationId)
        {
            throw new DomainException($"Review {Id} already submitted recommendation {RecommendationId}.");
        }

        RecommendationId = recommendationId;
    }

    /// <summary>A completed review whose recommendation the intake refused: the reason is kept with the review.</summary>
    public void NoteRecommendationRefused(string reason)
    {
        if (Status != CodeReviewStatus.Completed || RecommendationId is not null)
        {
            throw new DomainException("Only a completed review without a recommendation notes a refusal.");
        }

        Error = Cut(reason, ErrorMaxLength);
    }

    private void EnsureNotFinished()
    {
        if (IsFinished)
        {
            throw new DomainException($"Review {Id} is already {Status.ToString().ToLowerInvariant()}.");
        }
    }

    private static double Score(double value, string criterion) =>
        double.IsNaN(value) || value is < 0 or > 10
            ? throw new DomainException($"The {criterion} score of a review is between 0 and 10.")
            : Math.Round(value, 1);

    private static IReadOnlyList<string> Findings(IReadOnlyList<string>? items) =>
        [.. (items ?? []).Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => Cut(i.Trim(), FindingMaxLength)!).Take(MaxFindings)];

    private static string? Cut(string? value, int max) => value is null || value.Length <= max ? value : value[..(max - 1)] + "…";
}

/// <summary>What a reviewer found: the four 0–10 scores, the ECL 0.0–1.0, its assessment, findings and recommended status.</summary>
public sealed record CodeReviewFindings(
    double Functionality,
    double CodeQuality,
    double Security,
    double Performance,
    double Ecl,
    string? Assessment,
    IReadOnlyList<string> Strengths,
    IReadOnlyList<string> Weaknesses,
    IReadOnlyList<string> SecurityIssues,
    IReadOnlyList<string> RecommendedChanges,
    ReviewStatus? RecommendedStatus);

/// <summary>Where a review came from: the template version and run, provider and model, its cost, and its flagged inputs.</summary>
public sealed record CodeReviewProvenance(
    long TemplateVersionId,
    string TemplateVersion,
    long PromptRunId,
    string Provider,
    string Model,
    bool IsOffline,
    int TokensIn,
    int TokensOut,
    int DurationMs,
    double InjectionScore,
    IReadOnlyList<FlaggedInput> FlaggedInputs);
