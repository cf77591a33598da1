using System.Data.Common;
using Ava.Domain.Audit;
using Ava.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Ava.Infrastructure.Audit;

/// <summary>
/// The two statements every append runs, on the caller's connection and transaction: read the
/// chain's tail and insert the next event. Written as plain commands because they run for every
/// sign-in, refusal and change, and a LINQ query plus change tracking cost four times the statements.
/// </summary>
internal static class AuditChainStore
{
    private const string Columns =
        "\"Sequence\", \"Timestamp\", \"CorrelationId\", \"UserId\", \"UserName\", \"Action\", \"Resource\", \"Success\", " +
        "\"Error\", \"Metadata\", \"ClientIp\", \"PreviousHash\", \"Hash\"";

    private const string Values =
        "@Sequence, @Timestamp, @CorrelationId, @UserId, @UserName, @Action, @Resource, @Success, " +
        "@Error, @Metadata, @ClientIp, @PreviousHash, @Hash";

    public static async Task<ChainTail?> ReadTailAsync(AvaDbContext db, CancellationToken cancellationToken)
    {
        await using var command = Command(db, db.Database.IsSqlServer()
            ? "SELECT TOP 1 \"Sequence\", \"Hash\" FROM \"AuditEvents\" ORDER BY \"Sequence\" DESC"
            : "SELECT \"Sequence\", \"Hash\" FROM \"AuditEvents\" ORDER BY \"Sequence\" DESC LIMIT 1");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new ChainTail(reader.GetInt64(0), reader.GetString(1).Trim()) : null;
    }

    public static async Task InsertAsync(AvaDbContext db, AuditEvent e, CancellationToken cancellationToken)
    {
        await using var command = Command(db, $"INSERT INTO \"AuditEvents\" ({Columns}) VALUES ({Values})");
        Add(command, "@Sequence", e.Sequence);
        Add(command, "@Timestamp", e.Timestamp.UtcTicks);
        Add(command, "@CorrelationId", e.CorrelationId);
        Add(command, "@UserId", e.UserId);
        Add(command, "@UserName", e.UserName);
        Add(command, "@Action", e.Action);
        Add(command, "@Resource", e.Resource);
        Add(command, "@Success", e.Success);
        Add(command, "@Error", e.Error);
        Add(command, "@Metadata", e.Metadata);
        Add(command, "@ClientIp", e.ClientIp);
        Add(command, "@PreviousHash", e.PreviousHash);
        Add(command, "@Hash", e.Hash);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand Command(AvaDbContext db, string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        return command;
    }

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
