using Ava.Infrastructure.Codestones;
using Ava.Infrastructure.Configuration;
using Hangfire.Server;
using Microsoft.Extensions.Options;

namespace Ava.Infrastructure.Workflows;

/// <summary>
/// code-review: one AI review of one codestone, acting as the person who asked for it (with the permissions
/// they hold when each attempt starts), reporting its stages on the workflows page. A provider failure or
/// the requester's AI rate limit is retried with the workflow's backoff and the review keeps waiting; an
/// answer that failed validation after the pipeline's retry, or the last attempt's failure, fails the
/// review with the reason and stops the run. A re-run of a finished review writes nothing.
/// </summary>
[WorkflowName(Name)]
public sealed class CodeReviewJob(CodeReviewRunner reviewer, WorkflowProgress progress, IOptions<WorkflowOptions> workflows)
{
    public const string Name = "code-review";

    public async Task RunAsync(long reviewId, long codestoneId, PerformContext? context, CancellationToken cancellationToken)
    {
        var jobId = context?.BackgroundJob.Id;
        var attempt = (context?.GetJobParameter<int>("RetryCount") ?? 0) + 1;
        try
        {
            var outcome = await reviewer.ReviewAsync(
                reviewId, codestoneId, jobId, attempt, lastAttempt: attempt > workflows.Value.RetryAttempts,
                (done, stage) => progress.ReportAsync(jobId, done, CodeReviewRunner.Stages, stage, cancellationToken), cancellationToken);
            if (outcome == ReviewAttemptOutcome.Gone)
            {
                await progress.ReportAsync(jobId, CodeReviewRunner.Stages, CodeReviewRunner.Stages, $"Codestone {codestoneId} was deleted; nothing to review", cancellationToken);
            }
        }
        catch (ReviewStoppedException stopped)
        {
            throw new WorkflowStoppedException(stopped.Message);
        }
    }
}
