using System.Data.Common;
using Ava.Domain.Audit;
using Ava.Domain.Security;
using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Ava.Infrastructure.Audit;

public sealed record ChainVerification(bool IsIntact, long EventsChecked, long? FirstBadSequence, string Message);

/// <summary>Verifies the whole chain from its first event (view_logs), with <see cref="AuditChainWalk"/>.</summary>
public sealed class AuditChainVerifier(IDbContextFactory<AvaDbContext> contexts, PermissionGuard guard)
{
    public async Task<ChainVerification> VerifyAsync(IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(Permissions.ViewLogs);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var walk = await AuditChainWalk.WalkAsync(db, new ChainTail(0, AuditEvent.GenesisHash), limit: null, progress, cancellationToken);
        return walk.IsIntact
            ? new ChainVerification(true, walk.Checked, null, $"Intact, {walk.Checked:N0} events.")
            : new ChainVerification(false, walk.Checked, walk.FirstBadSequence, walk.Problem!);
    }
}

/// <summary>How far a walk of the chain got: the last event verified, or the first that is not what the chain says.</summary>
public sealed record ChainWalkResult(long Checked, ChainTail Last, long? FirstBadSequence, string? Problem, bool ReachedLimit)
{
    public bool IsIntact => Problem is null;
}

/// <summary>
/// Walks the chain in sequence order after a verified event with a forward-only reader (one row in memory at
/// a time), recomputing every hash. Reports the first event whose content does not match its hash, that does
/// not link to its predecessor, or that follows a gap (a deleted event). The full verification starts at the
/// genesis; the health check starts at its checkpoint.
/// </summary>
public static class AuditChainWalk
{
    public static async Task<ChainWalkResult> WalkAsync(
        AvaDbContext db, ChainTail from, long? limit, IProgress<long>? progress, CancellationToken cancellationToken)
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
        while (await reader.ReadAsync(cancellationToken))
        {
            if (checkedCount == limit)
            {
                return new ChainWalkResult(checkedCount, new ChainTail(expectedSequence - 1, previousHash), null, null, ReachedLimit: true);
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
                        : $"Event #{sequence} appears out of order.");
            }

            if (!string.Equals(storedPrevious, previousHash, StringComparison.Ordinal))
            {
                return Broken(checkedCount, last, sequence, $"Event #{sequence} does not link to event #{sequence - 1}: an event before it was changed or removed.");
            }

            var computed = AuditHash.Compute(
                sequence, reader.GetInt64(1), NullableString(reader, 2), NullableString(reader, 3), reader.GetString(4),
                reader.GetString(5), reader.GetString(6), reader.GetBoolean(7), NullableString(reader, 8),
                NullableString(reader, 9), NullableString(reader, 10), storedPrevious);
            if (!string.Equals(computed, storedHash, StringComparison.Ordinal))
            {
                return Broken(checkedCount, last, sequence, $"Event #{sequence} was altered: its content no longer matches its hash.");
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
        return new ChainWalkResult(checkedCount, new ChainTail(expectedSequence - 1, previousHash), null, null, ReachedLimit: false);
    }

    private static ChainWalkResult Broken(long checkedCount, ChainTail last, long sequence, string message) =>
        new(checkedCount, last, sequence, message, ReachedLimit: false);

    private static string? NullableString(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
