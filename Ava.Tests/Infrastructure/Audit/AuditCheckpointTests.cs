using Ava.Domain.Audit;
using Ava.Domain.Security;
using Ava.Infrastructure.Audit;
using Ava.Infrastructure.Configuration;
using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ava.Tests.Infrastructure.Audit;

public sealed class AuditCheckpointTests : IAsyncLifetime
{
    private const string Key = "a-checkpoint-key-that-is-long-enough-0123456789";
    private ServiceDatabase _db = default!;

    public async ValueTask InitializeAsync() =>
        _db = await ServiceDatabase.CreateAsync(settings: new Dictionary<string, string?> { ["Audit:CheckpointKey"] = Key });

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task RunAsync_SignsTheHead_AndVerificationReportsTheCheckpointAndWhatFollows()
    {
        await AppendEventsAsync(5);

        var checkpoint = await CheckpointAsync();
        await AppendEventsAsync(3);
        var result = await VerifyAsync();

        checkpoint.ShouldNotBeNull();
        checkpoint.Sequence.ShouldBe(5);
        result.IsIntact.ShouldBeTrue();
        result.LastCheckpoint.ShouldNotBeNull();
        result.LastCheckpoint.CheckpointSequence.ShouldBe(6);
        result.LastCheckpoint.AnchoredSequence.ShouldBe(5);
        result.LastCheckpoint.EventsAfter.ShouldBe(3);
        result.Message.ShouldContain("Last signed checkpoint #6");
        await using var db = _db.NewContext();
        var recorded = await db.AuditEvents.SingleAsync(e => e.Action == AuditLogActions.Checkpoint);
        recorded.UserName.ShouldBe("viewer@ava.local");
        AuditCheckpoint.Parse(recorded.Metadata).ShouldBe(checkpoint);
    }

    [Fact]
    public async Task RunAsync_WritesNothing_WhenNothingHappenedSinceTheLastCheckpoint()
    {
        await AppendEventsAsync(2);
        (await CheckpointAsync()).ShouldNotBeNull();

        (await CheckpointAsync()).ShouldBeNull();

        await using var db = _db.NewContext();
        (await db.AuditEvents.CountAsync()).ShouldBe(3);
    }

    [Fact]
    public async Task VerifyAsync_CatchesAChainRewrittenAndReHashedFromAnEarlierEvent_WhichVerifiesWithoutAKey()
    {
        await AppendEventsAsync(8);
        await CheckpointAsync();
        await AppendEventsAsync(2);

        await RewriteAsync(4, "UPDATE AuditEvents SET Resource = 'nothing to see' WHERE Sequence = 4");

        var withoutKey = await VerifyAsync(new AuditOptions());
        withoutKey.IsIntact.ShouldBeTrue();
        var result = await VerifyAsync();
        result.IsIntact.ShouldBeFalse();
        result.FirstBadSequence.ShouldBe(9);
        result.Message.ShouldContain("re-hashed");
    }

    [Fact]
    public async Task VerifyAsync_CatchesEventsCutFromTheMiddle_WhenTheRestWasRenumberedAndReHashed()
    {
        await AppendEventsAsync(6);
        await CheckpointAsync();

        await RewriteAsync(3, "DELETE FROM AuditEvents WHERE Sequence IN (3, 4); UPDATE AuditEvents SET Sequence = Sequence - 2 WHERE Sequence > 4");

        var result = await VerifyAsync();
        result.IsIntact.ShouldBeFalse();
        result.FirstBadSequence.ShouldBe(5);
    }

    [Fact]
    public async Task VerifyAsync_CatchesAForgedCheckpoint_AndOneSignedWithAnotherKey()
    {
        await AppendEventsAsync(3);
        await CheckpointAsync();
        await using (var db = _db.NewContext())
        {
            var metadata = (await db.AuditEvents.SingleAsync(e => e.Sequence == 4)).Metadata!;
            var forged = AuditCheckpoint.Parse(metadata)! with { Signature = new string('0', 64) };
            await RewriteAsync(4, $"UPDATE AuditEvents SET Metadata = '{AuditTrail.Metadata(forged)}' WHERE Sequence = 4");
        }

        (await VerifyAsync()).Message.ShouldContain("forged");
        var otherKey = await VerifyAsync(new AuditOptions { CheckpointKey = new string('k', 40) });
        otherKey.IsIntact.ShouldBeFalse();
        otherKey.Message.ShouldContain("another key");
    }

    private async Task AppendEventsAsync(int count)
    {
        await using var scope = _db.Scope();
        var trail = _db.Get<AuditTrail>(scope);
        for (var i = 1; i <= count; i++)
        {
            await trail.RecordAsync(new AuditEntry(AuditLogActions.Exported, $"item/{i}", true));
        }
    }

    private async Task<AuditCheckpoint?> CheckpointAsync()
    {
        await using var scope = _db.Scope();
        return await _db.Get<AuditCheckpointJob>(scope).RunAsync(CancellationToken.None);
    }

    private async Task<ChainVerification> VerifyAsync(AuditOptions? options = null)
    {
        _db.User = ServiceDatabase.Principal("admin@ava.local", Roles.Admin);
        await using var scope = _db.Scope();
        var verifier = options is null
            ? _db.Get<AuditChainVerifier>(scope)
            : new AuditChainVerifier(_db.Get<IDbContextFactory<AvaDbContext>>(scope), _db.Get<PermissionGuard>(scope), new AuditCheckpointSigner(Options.Create(options)));
        return await verifier.VerifyAsync();
    }

    /// <summary>What someone with write access to the database file can do: change rows, then recompute every hash from <paramref name="from"/> on.</summary>
    private async Task RewriteAsync(long from, string sql)
    {
        await _db.ExecuteRawAsync("DROP TRIGGER IF EXISTS AuditEvents_NoUpdate; DROP TRIGGER IF EXISTS AuditEvents_NoDelete;");
        await using var connection = new SqliteConnection(_db.ConnectionString);
        await connection.OpenAsync();
        await using (var change = connection.CreateCommand())
        {
            change.CommandText = sql;
            await change.ExecuteNonQueryAsync();
        }

        var previous = from == 1 ? AuditEvent.GenesisHash : await ScalarAsync(connection, $"SELECT Hash FROM AuditEvents WHERE Sequence = {from - 1}");
        var rows = new List<object?[]>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = $"SELECT Sequence, Timestamp, CorrelationId, UserId, UserName, Action, Resource, Success, Error, Metadata, ClientIp FROM AuditEvents WHERE Sequence >= {from} ORDER BY Sequence";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var row = new object?[11];
                for (var i = 0; i < 11; i++)
                {
                    row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }

                rows.Add(row);
            }
        }

        foreach (var row in rows)
        {
            var hash = AuditHash.Compute((long)row[0]!, (long)row[1]!, (string?)row[2], (string?)row[3], (string)row[4]!, (string)row[5]!,
                (string)row[6]!, (long)row[7]! != 0, (string?)row[8], (string?)row[9], (string?)row[10], previous);
            await using var update = connection.CreateCommand();
            update.CommandText = "UPDATE AuditEvents SET PreviousHash = $previous, Hash = $hash WHERE Sequence = $sequence";
            update.Parameters.AddWithValue("$previous", previous);
            update.Parameters.AddWithValue("$hash", hash);
            update.Parameters.AddWithValue("$sequence", row[0]);
            await update.ExecuteNonQueryAsync();
            previous = hash;
        }
    }

    private static async Task<string> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
