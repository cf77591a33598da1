using Ava.Infrastructure.Configuration;
using Ava.Infrastructure.Streams;
using Hangfire.Server;
using Microsoft.Extensions.Options;

namespace Ava.Infrastructure.Workflows;

/// <summary>
/// archive-old-streams: streams older than <see cref="WorkflowOptions.ArchiveAfterDays"/> that are not
/// archived become Archived through <see cref="StreamService"/> and the entity's archive rule,
/// <see cref="BatchSize"/> at a time, each batch in its own transaction with its audit event, progress
/// written every <see cref="ProgressInterval"/>. A scheduled
/// run acts as the system actor <c>system:archive-old-streams</c>; "Run now" acts as the admin who asked.
/// Only unarchived streams are selected, so a retry or a second run after a crash finishes the rest and
/// archives nothing twice.
/// </summary>
[WorkflowName(Name)]
public sealed class ArchiveOldStreamsJob(
    StreamService streams,
    WorkflowProgress progress,
    IOptions<WorkflowOptions> options,
    TimeProvider clock)
{
    public const string Name = "archive-old-streams";
    public const int BatchSize = 50;

    /// <summary>Progress is written at most this often: a batch takes milliseconds, and a progress bar needs no more.</summary>
    public static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>Hangfire passes its <see cref="PerformContext"/>; the job id links progress to the run.</summary>
    public Task<int> RunAsync(PerformContext? context, CancellationToken cancellationToken) =>
        ArchiveAsync(context?.BackgroundJob.Id, cancellationToken);

    /// <returns>How many streams the run archived.</returns>
    internal async Task<int> ArchiveAsync(string? jobId, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().AddDays(-options.Value.ArchiveAfterDays);
        var total = await streams.CountUnarchivedCreatedBeforeAsync(cutoff, cancellationToken);
        await progress.ReportAsync(jobId, 0, total, cancellationToken);

        var processed = 0;
        long afterId = 0;
        var reported = clock.GetTimestamp();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = await streams.ArchiveCreatedBeforeAsync(cutoff, afterId, BatchSize, cancellationToken);
            if (batch.LastId is not { } lastId)
            {
                break;
            }

            processed += batch.Archived;
            afterId = lastId;
            if (clock.GetElapsedTime(reported) >= ProgressInterval)
            {
                await progress.ReportAsync(jobId, processed, Math.Max(total, processed), cancellationToken);
                reported = clock.GetTimestamp();
            }
        }

        await progress.ReportAsync(jobId, processed, Math.Max(total, processed), cancellationToken);
        return processed;
    }
}
