using System.Data.Common;
using Ava.Domain.Audit;
using Ava.Domain.Security;
using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Ava.Infrastructure.Audit;

public sealed record ChainVerification(bool IsIntact, long EventsChecked, long? FirstBadSequence, string Message);

/// <summary>
/// Walks the whole chain in sequence order with a forward-only reader (one row in memory at a
/// time), recomputing every hash. Reports the first event whose content does not match its hash,
/// that does not link to its predecessor, or that follows a gap (a deleted event).
/// </summary>
public sealed class AuditChainVerifier(IDbContextFactory<AvaDbContext> contexts, PermissionGuard guard)
{
    public async Task<ChainVerification> VerifyAsync(IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(Permissions.ViewLogs);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // Quoted identifiers: the same text runs on SQLite and on SQL Server, where TIMESTAMP is a type name.
        command.CommandText =
            "SELECT \"Sequence\", \"Timestamp\", \"CorrelationId\", \"UserId\", \"UserName\", \"Action\", \"Resource\", \"Success\", " +
            "\"Error\", \"Metadata\", \"ClientIp\", \"PreviousHash\", \"Hash\" FROM \"AuditEvents\" ORDER BY \"Sequence\"";
        command.CommandTimeout = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);

        long expectedSequence = 1;
        var previousHash = AuditEvent.GenesisHash;
        long checkedCount = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            var sequence = reader.GetInt64(0);
            var storedPrevious = reader.GetString(11).Trim();
            var storedHash = reader.GetString(12).Trim();

            if (sequence != expectedSequence)
            {
                return Broken(checkedCount, sequence,
                    sequence > expectedSequence
                        ? $"Event #{expectedSequence}{(sequence - expectedSequence > 1 ? $" to #{sequence - 1}" : "")} is missing: the chain jumps from #{expectedSequence - 1} to #{sequence}."
                        : $"Event #{sequence} appears out of order.");
            }

            if (!string.Equals(storedPrevious, previousHash, StringComparison.Ordinal))
            {
                return Broken(checkedCount, sequence, $"Event #{sequence} does not link to event #{sequence - 1}: an event before it was changed or removed.");
            }

            var computed = AuditHash.Compute(
                sequence, reader.GetInt64(1), NullableString(reader, 2), NullableString(reader, 3), reader.GetString(4),
                reader.GetString(5), reader.GetString(6), reader.GetBoolean(7), NullableString(reader, 8),
                NullableString(reader, 9), NullableString(reader, 10), storedPrevious);
            if (!string.Equals(computed, storedHash, StringComparison.Ordinal))
            {
                return Broken(checkedCount, sequence, $"Event #{sequence} was altered: its content no longer matches its hash.");
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
        return new ChainVerification(true, checkedCount, null, $"Intact, {checkedCount:N0} events.");
    }

    private static ChainVerification Broken(long checkedCount, long sequence, string message) =>
        new(false, checkedCount, sequence, message);

    private static string? NullableString(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
