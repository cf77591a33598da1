using Ava.Domain.Audit;
using Ava.Infrastructure.Configuration;
using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Ava.Infrastructure.Audit;

/// <summary>
/// audit-checkpoint: anchors the chain by appending an <see cref="AuditLogActions.Checkpoint"/> event
/// that signs its immediate predecessor's sequence and hash with <see cref="AuditOptions.CheckpointKey"/>,
/// and writes the same checkpoint to the application log, a copy outside the database. Under the
/// chain lock, so nothing slips between the head it signs and the checkpoint. Nothing is written
/// when the key is not set or when nothing happened since the last checkpoint.
/// </summary>
[WorkflowName(Name)]
public sealed class AuditCheckpointJob(
    IDbContextFactory<AvaDbContext> contexts,
    AuditTrail trail,
    AuditCheckpointSigner signer,
    ILogger<AuditCheckpointJob> logger)
{
    public const string Name = "audit-checkpoint";

    /// <returns>The checkpoint written, or null when there was nothing to anchor or no key.</returns>
    public async Task<AuditCheckpoint?> RunAsync(CancellationToken cancellationToken)
    {
        if (!signer.IsEnabled)
        {
            logger.LogWarning("Audit checkpoints are off: Audit:CheckpointKey is not set.");
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await AuditTrail.AcquireChainLockAsync(db, cancellationToken);
        var head = await AuditChainStore.ReadTailAsync(db, cancellationToken);
        if (head is null)
        {
            return null;
        }

        var headAction = await db.AuditEvents.Where(e => e.Sequence == head.Sequence).Select(e => e.Action).SingleAsync(cancellationToken);
        if (headAction == AuditLogActions.Checkpoint)
        {
            return null;
        }

        var checkpoint = signer.Sign(head.Sequence, head.Hash);
        await trail.AppendAsync(db, new AuditEntry(
            AuditLogActions.Checkpoint,
            $"audit:#{head.Sequence}",
            Success: true,
            Metadata: AuditTrail.Metadata(checkpoint)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        logger.LogInformation(
            "Audit checkpoint: event #{Sequence} has hash {Hash}; signature {Signature} with key {KeyId}",
            checkpoint.Sequence, checkpoint.Hash, checkpoint.Signature, checkpoint.KeyId);
        return checkpoint;
    }
}
