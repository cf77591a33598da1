using Ava.Domain.Audit;
using Ava.Domain.Codestones;
using Ava.Domain.Common;
using Ava.Domain.Prompts;
using Ava.Domain.Settings;
using Ava.Infrastructure.Ai;
using Ava.Infrastructure.Approvals;
using Ava.Infrastructure.Audit;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Prompts;
using Ava.Infrastructure.Security;
using Ava.Infrastructure.Settings;
using Microsoft.EntityFrameworkCore;

namespace Ava.Infrastructure.Codestones;

/// <summary>How one attempt at a review ended, for the job to retry, stop or finish.</summary>
public enum ReviewAttemptOutcome
{
    /// <summary>The review is stored (and its recommendation submitted), or it had ended before this attempt.</summary>
    Done,

    /// <summary>Nothing to review: the codestone was deleted (its reviews with it).</summary>
    Gone,
}

/// <summary>
/// One code review (specification §5): runs the active <c>code_review</c> version through the AI pipeline
/// as the caller, reads the validated JSON, and submits the recommendation through the same intake as the
/// API, storing the review in the intake's transaction so the review and its recommendation exist together
/// or not at all. A finished review is never reviewed again, so a retried or re-queued job writes nothing twice.
/// </summary>
public sealed class CodeReviewRunner(
    IDbContextFactory<AvaDbContext> contexts,
    PromptRunner runner,
    CapabilityGuard capabilities,
    RecommendationIntake intake,
    AuditTrail trail,
    LiveUpdates updates,
    TimeProvider clock)
{
    public const int Stages = 3;

    /// <param name="lastAttempt">No retry follows a failure: the review fails with the reason instead of waiting.</param>
    /// <param name="progress">Told the stages done (0 to <see cref="Stages"/>) and what is under way.</param>
    /// <exception cref="ReviewStoppedException">The review failed for good; the job should not be retried.</exception>
    public Task<ReviewAttemptOutcome> ReviewAsync(
        long reviewId, long codestoneId, string? jobId, int attempt, bool lastAttempt, Func<int, string, Task> progress, CancellationToken cancellationToken) =>
        ReviewAsync(reviewId, codestoneId, jobId, attempt, lastAttempt, progress, request => runner.RunAsync(request, cancellationToken), clock.GetUtcNow, cancellationToken);

    /// <summary>Demo history: the review as it would have run at <paramref name="at"/>, the model run recorded then.</summary>
    internal Task<ReviewAttemptOutcome> ReviewHistoryAsync(long reviewId, long codestoneId, DateTimeOffset at, CancellationToken cancellationToken) =>
        ReviewAsync(reviewId, codestoneId, null, 1, true, (_, _) => Task.CompletedTask, request => runner.RunAsSystemAsync(request, at, cancellationToken), () => at, cancellationToken);

    private async Task<ReviewAttemptOutcome> ReviewAsync(
        long reviewId, long codestoneId, string? jobId, int attempt, bool lastAttempt, Func<int, string, Task> progress,
        Func<PromptRunRequest, Task<PromptRunResult>> run, Func<DateTimeOffset> now, CancellationToken cancellationToken)
    {
        await progress(0, "Reading the codestone");
        Codestone codestone;
        Guid? batch;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            // The request commits the review before it queues the job, so a missing review went with its codestone.
            var review = await db.CodeReviews.SingleOrDefaultAsync(r => r.Id == reviewId, cancellationToken);
            var found = await db.Codestones.AsNoTracking().SingleOrDefaultAsync(c => c.Id == codestoneId, cancellationToken);
            if (review is null || found is null)
            {
                return ReviewAttemptOutcome.Gone;
            }

            codestone = found;
            if (review.IsFinished)
            {
                await progress(Stages, $"Review #{reviewId} had already {review.Status.ToString().ToLowerInvariant()}");
                return ReviewAttemptOutcome.Done;
            }

            batch = review.BatchId;
            review.Start(jobId, attempt, now());
            await db.SaveChangesAsync(cancellationToken);
        }

        var changed = new CodeReviewChanged(reviewId, codestoneId, batch);
        updates.Publish(changed);
        await progress(1, $"Reviewing “{codestone.Title}”");
        PromptRunResult result;
        try
        {
            await capabilities.DemandAsync(Capabilities.CodeReviews);
            result = await run(PromptInputs.CodeReview(codestone, $"code-review:{reviewId}"));
        }
        catch (CapabilitySwitchedOffException off)
        {
            // Switched off after the review was queued: it fails with who switched it off, and is not retried.
            await FailOrWaitAsync(changed, off.Message, null, stop: true, now());
            throw new ReviewStoppedException(off.Message);
        }
        catch (Exception ex) when (ex is AiRateLimitExceededException or PermissionDeniedException)
        {
            await FailOrWaitAsync(changed, ex.Message, null, stop: ex is PermissionDeniedException || lastAttempt, now());
            throw;
        }

        var provenance = Provenance(result);
        if (!result.Succeeded)
        {
            var reason = PromptRunFailedException.Describe(result);
            var stop = lastAttempt || result.Outcome != PromptRunOutcome.ProviderFailed;
            await FailOrWaitAsync(changed, reason, provenance, stop, now());
            throw stop ? new ReviewStoppedException(reason) : new PromptRunFailedException(result);
        }

        CodeReviewFindings findings;
        try
        {
            findings = CodeReviewParser.Parse(result.Json!.Value);
        }
        catch (DomainException unreadable)
        {
            var reason = $"The review of run #{result.RunId} cannot be read: {unreadable.Message}";
            await FailOrWaitAsync(changed, reason, provenance, stop: true, now());
            throw new ReviewStoppedException(reason);
        }

        await progress(2, "Submitting the recommendation");
        await SubmitAsync(reviewId, codestoneId, findings, provenance, now(), cancellationToken);
        updates.Publish(changed);
        await progress(Stages, $"Reviewed: ECL {findings.Ecl:0.00}");
        return ReviewAttemptOutcome.Done;
    }

    private async Task SubmitAsync(long reviewId, long codestoneId, CodeReviewFindings findings, CodeReviewProvenance provenance, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var submission = CodeReviewRecommendation.Compose(reviewId, codestoneId, findings, provenance);
        try
        {
            await intake.SubmitAsync(submission, (db, recommendationId, token) => CompleteAsync(db, reviewId, findings, provenance, recommendationId, null, at, token), cancellationToken);
        }
        catch (InvalidValuesException refused)
        {
            // The review stands even when its recommendation is refused (the codestone changed meanwhile, say).
            var reason = "Its recommendation was refused: " + string.Join(" ", refused.Errors.SelectMany(e => e.Value));
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await CompleteAsync(db, reviewId, findings, provenance, null, reason, at, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    private async Task CompleteAsync(
        AvaDbContext db, long reviewId, CodeReviewFindings findings, CodeReviewProvenance provenance, long? recommendationId, string? refusal, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var review = await db.CodeReviews.SingleAsync(r => r.Id == reviewId, cancellationToken);
        review.Complete(findings, provenance, at);
        if (recommendationId is { } id)
        {
            review.LinkRecommendation(id);
        }
        else
        {
            review.NoteRecommendationRefused(refusal!);
        }

        // A second run of the same review loses here on the version token, and its transaction (and recommendation) with it.
        await db.SaveChangesAsync(cancellationToken);
        await trail.AppendAsync(db, new AuditEntry(CodeReviewAuditActions.Completed, $"codestone/{review.CodestoneId}", true, Metadata: AuditTrail.Metadata(new
        {
            review = review.Id,
            run = provenance.PromptRunId,
            version = provenance.TemplateVersion,
            ecl = review.EclScore,
            recommendation = recommendationId,
            refused = refusal,
            flagged = provenance.FlaggedInputs.Select(f => f.Source),
        })), cancellationToken);
    }

    /// <summary>Records a failed attempt: the review fails with the reason when <paramref name="stop"/>, and otherwise waits for the retry.</summary>
    private async Task FailOrWaitAsync(CodeReviewChanged review, string reason, CodeReviewProvenance? provenance, bool stop, DateTimeOffset at)
    {
        // Written even when the job is being cancelled: the reason must reach the review.
        var token = CancellationToken.None;
        await using var db = await contexts.CreateDbContextAsync(token);
        await using var transaction = await db.Database.BeginTransactionAsync(token);
        var stored = await db.CodeReviews.SingleOrDefaultAsync(r => r.Id == review.ReviewId, token);
        if (stored is null || stored.IsFinished)
        {
            return;
        }

        if (stop)
        {
            stored.Fail(reason, provenance, at);
            await trail.AppendAsync(db, new AuditEntry(CodeReviewAuditActions.Failed, $"codestone/{review.CodestoneId}", false, reason,
                AuditTrail.Metadata(new { review = review.ReviewId, run = provenance?.PromptRunId })), token);
        }
        else
        {
            stored.AttemptFailed(reason);
            await db.SaveChangesAsync(token);
        }

        await transaction.CommitAsync(token);
        updates.Publish(review);
    }

    private static CodeReviewProvenance Provenance(PromptRunResult result) => new(
        result.VersionId, result.VersionNumber, result.RunId, result.Provider, result.Model, result.IsOffline,
        result.TokensIn, result.TokensOut, result.DurationMs, result.Injection.Score, result.FlaggedInputs);
}

/// <summary>The review failed for good (stored as failed with this reason): retrying the job cannot help.</summary>
public sealed class ReviewStoppedException(string message) : DomainException(message);
