using System.Globalization;
using Ava.Domain.Prompts;
using Ava.Infrastructure.Ai;
using Ava.Infrastructure.Briefings;
using Ava.Infrastructure.Configuration;
using Ava.Infrastructure.Settings;
using Hangfire.Server;
using Microsoft.Extensions.Options;

namespace Ava.Infrastructure.Workflows;

/// <summary>
/// morning-briefing: on schedule (<see cref="BriefingOptions.Cron"/> in <see cref="BriefingOptions.TimeZone"/>),
/// acting as <c>system:morning-briefing</c>, writes today's briefing unless it exists; on an admin's request
/// it writes a date again as that admin. Progress is reported by stage. The generator writes at most one
/// revision per request, so a retry or a run re-queued after a restart never makes a second briefing.
/// A provider failure is retried with the workflow's backoff; an answer that failed validation after the
/// pipeline's own retry stops the run at once with the reason.
/// </summary>
[WorkflowName(Name)]
public sealed class MorningBriefingJob(BriefingGenerator generator, WorkflowProgress progress, IOptions<BriefingOptions> options, TimeProvider clock)
{
    public const string Name = "morning-briefing";

    /// <summary>The scheduled run and "Run now": today's briefing in the configured time zone.</summary>
    public Task RunAsync(PerformContext? context, CancellationToken cancellationToken) =>
        WriteAsync(context?.BackgroundJob.Id, options.Value.DateAt(clock.GetUtcNow()), null, cancellationToken);

    /// <summary>An admin's regeneration of <paramref name="date"/> (yyyy-MM-dd), replacing revision <paramref name="replacesRevision"/> (0 for a date without one).</summary>
    public Task RegenerateAsync(string date, int replacesRevision, PerformContext? context, CancellationToken cancellationToken) =>
        WriteAsync(context?.BackgroundJob.Id, DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture), replacesRevision, cancellationToken);

    internal async Task<BriefingGeneration> WriteAsync(string? jobId, DateOnly date, int? replacesRevision, CancellationToken cancellationToken)
    {
        try
        {
            return await generator.GenerateAsync(
                date, replacesRevision, (done, stage) => progress.ReportAsync(jobId, done, BriefingGenerator.Stages, stage, cancellationToken), cancellationToken);
        }
        catch (PromptRunFailedException failed) when (failed.Result.Outcome is PromptRunOutcome.ValidationFailed or PromptRunOutcome.BudgetExceeded)
        {
            throw new WorkflowStoppedException(failed.Message);
        }
        catch (CapabilitySwitchedOffException off)
        {
            // Briefings or AI features are switched off: another attempt cannot help until someone switches them on.
            throw new WorkflowStoppedException(off.Message);
        }
    }
}
