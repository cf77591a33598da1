using System.Data.Common;
using Ava.Domain.Audit;
using Ava.Domain.Security;
using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Ava.Infrastructure.Audit;

/// <summary>The last signed checkpoint found intact, and how many events the chain holds after it.</summary>
public sealed record CheckpointStatus(long CheckpointSequence, DateTimeOffset SignedAt, long AnchoredSequence, long EventsAfter);

public sealed record ChainVerification(
    bool IsIntact, long EventsChecked, long? FirstBadSequence, string Message, CheckpointStatus? LastCheckpoint = null);

/// <summary>
/// Verifies the whole chain from its first event (view_logs), with <see cref="AuditChainWalk"/>. Events after
/// the last signed checkpoint are only as trustworthy as the database, so the report names how many there are.
/// </summary>
public sealed class AuditChainVerifier(IDbContextFactory<AvaDbContext> contexts, PermissionGuard guard, AuditCheckpointSigner signer)
{
    public async Task<ChainVerification> VerifyAsync(IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(Permissions.ViewLogs);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var walk = await AuditChainWalk.WalkAsync(db, new ChainTail(0, AuditEvent.GenesisHash), limit: null, signer, progress, cancellationToken);
        if (!walk.IsIntact)
        {
            return new ChainVerification(false, walk.Checked, walk.FirstBadSequence, walk.Problem!, walk.LastCheckpoint);
        }

        var last = walk.LastCheckpoint is { } c ? c with { EventsAfter = walk.Last.Sequence - c.CheckpointSequence } : null;
        return new ChainVerification(true, walk.Checked, null, $"Intact, {walk.Checked:N0} events. {Anchoring(last)}", last);
    }

    private string Anchoring(CheckpointStatus? last) => (signer.IsEnabled, last) switch
    {
        (false, _) => "Checkpoints are off (Audit:CheckpointKey is not set), so a chain re-hashed or cut short by someone with database access would still verify.",
        (true, null) => "No signed checkpoint yet.",
        (true, { } c) => $"Last signed checkpoint #{c.CheckpointSequence} at {c.SignedAt:yyyy-MM-dd HH:mm} UTC anchors event #{c.AnchoredSequence}; {c.EventsAfter:N0} event(s) after it.",
    };
}

/// <summary>How far a walk of the chain got: the last event verified, or the first that is not what the chain says.</summary>
public sealed record ChainWalkResult(long Checked, ChainTail Last, long? FirstBadSequence, string? Problem, bool ReachedLimit, CheckpointStatus? LastCheckpoint = null)
{
    public bool IsIntact => Problem is null;
}

/// <summary>
/// Walks the chain in sequence order after a verified event with a forward-only reader (one row in memory at
/// a time), recomputing every hash. Reports the first event whose content does not match its hash, that does
/// not link to its predecessor, or that follows a gap (a deleted event), and the first checkpoint whose
/// signature or anchored hash does not hold: a chain re-hashed from any point before a checkpoint no longer
/// matches what the key signed. The full verification starts at the genesis; the health check at its checkpoint.
/// </summary>
public static class AuditChainWalk
{
    public static async Task<ChainWalkResult> WalkAsync(
        AvaDbContext db, ChainTail from, long? limit, AuditCheckpointSigner signer, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // Quoted identifiers: the same text runs on SQLite and on SQL Server, where TIMESTAMP is a type name.
        command.CommandText =
            "SELECT \"Sequence\", \"Timestamp\", \"CorrelationId\", \"UserId\", \"UserName\", \"Action\", \"Resource\", \"Success\", " +
            "\"Error\", \"Metadata\", \"ClientIp\", \"PreviousHash\", \"Hash\" FROM \"AuditEvents\" WHERE \"Sequence\" > @after ORDER BY \"Sequence\"";
        var after = command.CreateParameter();
        after.ParameterName = "@after";
        after.Value = from.Sequence;
        command.Parameters.Add(after);
        command.CommandTimeout = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);

        var expectedSequence = from.Sequence + 1;
        var previousHash = from.Hash;
        long checkedCount = 0;
        CheckpointStatus? lastCheckpoint = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            if (checkedCount == limit)
            {
                return new ChainWalkResult(checkedCount, new ChainTail(expectedSequence - 1, previousHash), null, null, ReachedLimit: true, lastCheckpoint);
            }

            var sequence = reader.GetInt64(0);
            var storedPrevious = reader.GetString(11).Trim();
            var storedHash = reader.GetString(12).Trim();
            var last = new ChainTail(expectedSequence - 1, previousHash);

            if (sequence != expectedSequence)
            {
                return Broken(checkedCount, last, sequence,
                    sequence > expectedSequence
                        ? $"Event #{expectedSequence}{(sequence - expectedSequence > 1 ? $" to #{sequence - 1}" : "")} is missing: the chain jumps from #{expectedSequence - 1} to #{sequence}."
                        : $"Event #{sequence} appears out of order.", lastCheckpoint);
            }

            if (!string.Equals(storedPrevious, previousHash, StringComparison.Ordinal))
            {
                return Broken(checkedCount, last, sequence, $"Event #{sequence} does not link to event #{sequence - 1}: an event before it was changed or removed.", lastCheckpoint);
            }

            var computed = AuditHash.Compute(
                sequence, reader.GetInt64(1), NullableString(reader, 2), NullableString(reader, 3), reader.GetString(4),
                reader.GetString(5), reader.GetString(6), reader.GetBoolean(7), NullableString(reader, 8),
                NullableString(reader, 9), NullableString(reader, 10), storedPrevious);
            if (!string.Equals(computed, storedHash, StringComparison.Ordinal))
            {
                return Broken(checkedCount, last, sequence, $"Event #{sequence} was altered: its content no longer matches its hash.", lastCheckpoint);
            }

            if (reader.GetString(5) == AuditLogActions.Checkpoint && signer.IsEnabled)
            {
                var problem = CheckpointProblem(signer, AuditCheckpoint.Parse(NullableString(reader, 9)), sequence, storedPrevious);
                if (problem is not null)
                {
                    return Broken(checkedCount, last, sequence, problem, lastCheckpoint);
                }

                lastCheckpoint = new CheckpointStatus(sequence, new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero), sequence - 1, 0);
            }

            previousHash = storedHash;
            expectedSequence++;
            checkedCount++;
            if (checkedCount % 10_000 == 0)
            {
                progress?.Report(checkedCount);
            }
        }

        progress?.Report(checkedCount);
        return new ChainWalkResult(checkedCount, new ChainTail(expectedSequence - 1, previousHash), null, null, ReachedLimit: false, lastCheckpoint);
    }

    /// <summary>Why a checkpoint event does not hold, or null when it is signed with our key and anchors its predecessor.</summary>
    private static string? CheckpointProblem(AuditCheckpointSigner signer, AuditCheckpoint? checkpoint, long sequence, string predecessorHash)
    {
        if (checkpoint is null)
        {
            return $"Checkpoint #{sequence} cannot be read: its content was changed.";
        }

        if (checkpoint.KeyId != signer.KeyId)
        {
            return $"Checkpoint #{sequence} was signed with another key ({checkpoint.KeyId}); the configured key is {signer.KeyId}.";
        }

        if (!signer.IsValid(checkpoint))
        {
            return $"Checkpoint #{sequence} has a signature the key did not make: it was forged or altered.";
        }

        return checkpoint.Sequence == sequence - 1 && checkpoint.Hash == predecessorHash
            ? null
            : $"The chain up to event #{checkpoint.Sequence} no longer matches checkpoint #{sequence}: it was rewritten and re-hashed.";
    }

    private static ChainWalkResult Broken(long checkedCount, ChainTail last, long sequence, string message, CheckpointStatus? lastCheckpoint) =>
        new(checkedCount, last, sequence, message, ReachedLimit: false, lastCheckpoint);

    private static string? NullableString(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
