using Ava.Domain.Audit;
using Ava.Domain.Streams;
using Ava.Infrastructure.Audit;
using Ava.Infrastructure.Configuration;
using Ava.Infrastructure.Persistence;
using Hangfire.Server;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ava.Infrastructure.Workflows;

/// <summary>
/// archive-old-streams: streams older than <see cref="WorkflowOptions.ArchiveAfterDays"/> that are not
/// archived become Archived, <see cref="BatchSize"/> at a time, each batch in its own transaction with its
/// audit event and the run's progress. Only unarchived streams are selected, so a retry or a second run
/// after a crash finishes the rest and archives nothing twice.
/// </summary>
[WorkflowName(Name)]
public sealed class ArchiveOldStreamsJob(
    IDbContextFactory<AvaDbContext> contexts,
    AuditTrail trail,
    IOptions<WorkflowOptions> options,
    TimeProvider clock)
{
    public const string Name = "archive-old-streams";
    public const int BatchSize = 50;

    /// <summary>Hangfire passes its <see cref="PerformContext"/>; the job id links progress to the run.</summary>
    public async Task<int> RunAsync(PerformContext? context, CancellationToken cancellationToken)
    {
        var jobId = context?.BackgroundJob.Id;
        var cutoff = clock.GetUtcNow().AddDays(-options.Value.ArchiveAfterDays);
        int total;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            total = await Candidates(db, cutoff).CountAsync(cancellationToken);
            await WorkflowProgress.ReportAsync(db, jobId, 0, total, cancellationToken);
        }

        var processed = 0;
        long afterId = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (archived, lastId) = await ArchiveBatchAsync(cutoff, afterId, jobId, processed, total, cancellationToken);
            if (lastId is null)
            {
                break;
            }

            processed += archived;
            afterId = lastId.Value;
        }

        return processed;
    }

    /// <summary>
    /// Archives the next batch of candidates after <paramref name="afterId"/> (walking the ids forward, so
    /// each batch starts where the last one ended); returns how many it archived and the last id it saw,
    /// or a null id when none are left.
    /// </summary>
    internal async Task<(int Archived, long? LastId)> ArchiveBatchAsync(
        DateTimeOffset cutoff, long afterId, string? jobId, int processedBefore, int total, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ids = await Candidates(db, cutoff).Where(s => s.Id > afterId).OrderBy(s => s.Id).Select(s => s.Id).Take(BatchSize).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return (0, null);
        }

        var now = clock.GetUtcNow();
        var version = Guid.NewGuid();
        var archived = await db.Streams
            .Where(s => ids.Contains(s.Id) && s.Status != StreamStatus.Archived)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Status, StreamStatus.Archived)
                .SetProperty(x => x.ArchivedAt, now)
                .SetProperty(x => x.UpdatedAt, now)
                .SetProperty(x => x.UpdatedBy, Name)
                .SetProperty(x => x.Version, version),
                cancellationToken);

        await trail.AppendAsync(db, new AuditEntry(StreamAuditActions.Archived, $"streams/{archived}", true,
            Metadata: AuditTrail.Metadata(new { workflow = Name, fields = new[] { "Status" }, ids })),
            AuditActor.System(CorrelationContext.Id), cancellationToken);
        var processed = processedBefore + archived;
        await WorkflowProgress.ReportAsync(db, jobId, processed, Math.Max(total, processed), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (archived, ids[^1]);
    }

    private static IQueryable<IntelligenceStream> Candidates(AvaDbContext db, DateTimeOffset cutoff) =>
        db.Streams.Where(s => s.Status != StreamStatus.Archived && s.CreatedAt < cutoff);
}
