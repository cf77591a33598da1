using Ava.Domain.Audit;
using Ava.Domain.Security;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Benchmarks;

/// <summary>
/// Audit trail figures for docs/benchmarks.md: append throughput with the chain, verification
/// speed, and the audit page's first-page query with a million events.
/// </summary>
internal static class AuditBenchmarks
{
    public static async Task RunAsync(int appendCount, int chainSize)
    {
        Console.WriteLine("| measurement | result | goal | |");
        Console.WriteLine("|---|---|---|---|");
        await AppendThroughputAsync(appendCount);
        await LargeChainAsync(chainSize);
    }

    private static async Task AppendThroughputAsync(int count)
    {
        await using var host = await BenchmarkDatabase.CreateAsync();

        // Baseline: the same row written in its own transaction without reading the chain's tail.
        var baseline = await Measure.TimeAsync(async () =>
        {
            for (var i = 0; i < count; i++)
            {
                await using var db = host.NewContext();
                await using var transaction = await db.Database.BeginTransactionAsync();
                await db.Database.ExecuteSqlRawAsync(
                    "INSERT INTO Alerts (Kind, Severity, Subject, Message, RaisedAt, Version) VALUES ('bench', 'Info', 's', 'm', 0, randomblob(16))");
                await transaction.CommitAsync();
            }
        });

        await using var scope = host.Scope();
        var trail = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        var sequential = await Measure.TimeAsync(async () =>
        {
            for (var i = 0; i < count; i++)
            {
                await trail.RecordAsync(new AuditEntry(AuditLogActions.Exported, $"item/{i}", true, Metadata: "{\"n\":1}"));
            }
        });

        var parallel = await Measure.TimeAsync(() => Parallel.ForEachAsync(
            Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            {
                await using var inner = host.Scope();
                await inner.ServiceProvider.GetRequiredService<AuditTrail>().RecordAsync(new AuditEntry(AuditLogActions.Exported, $"item/{i}", true));
            }));

        var sequentialRate = count / sequential.TotalSeconds;
        var parallelRate = count / parallel.TotalSeconds;
        Measure.Report($"audit append, 1 writer, {count:N0} events, one transaction each", $"{sequentialRate:N0} events/s", "≥ 2,000 events/s", sequentialRate >= 2000);
        Measure.Report($"audit append, 8 concurrent writers, {count:N0} events", $"{parallelRate:N0} events/s", "≥ 2,000 events/s", parallelRate >= 2000);
        Measure.Report("append cost vs. a plain insert in its own transaction (baseline)", $"{sequential.TotalSeconds / baseline.TotalSeconds:0.00}× ({count / baseline.TotalSeconds:N0} plain inserts/s)", "—", true);
    }

    private static async Task LargeChainAsync(int size)
    {
        await using var host = await BenchmarkDatabase.CreateAsync();
        var seeding = await Measure.TimeAsync(() => SeedChainAsync(host, size));
        Console.WriteLine($"<!-- seeded {size:N0} chained events in {seeding.TotalSeconds:0.0} s -->");

        await using var scope = host.Scope();
        var verifier = scope.ServiceProvider.GetRequiredService<AuditChainVerifier>();
        ChainVerification? result = null;
        var verify = await Measure.TimeAsync(async () => result = await verifier.VerifyAsync());
        if (result is not { IsIntact: true })
        {
            throw new InvalidOperationException($"The seeded chain did not verify: {result?.Message}");
        }

        // Baseline: reading the same columns with the same reader, without hashing.
        var read = await Measure.TimeAsync(async () =>
        {
            await using var db = host.NewContext();
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "SELECT Sequence, Timestamp, CorrelationId, UserId, UserName, Action, Resource, Success, Error, Metadata, ClientIp, PreviousHash, Hash FROM AuditEvents ORDER BY Sequence";
            await using var reader = await command.ExecuteReaderAsync();
            long rows = 0;
            while (await reader.ReadAsync())
            {
                _ = reader.GetString(12);
                rows++;
            }
        });

        var rate = size / verify.TotalSeconds;
        Measure.Report($"chain verification, {size:N0} events", $"{rate:N0} events/s ({verify.TotalSeconds:0.00} s)", "≥ 100,000 events/s", rate >= 100_000);
        Measure.Report("verification vs. reading the rows without hashing (baseline)", $"{verify.TotalSeconds / read.TotalSeconds:0.00}× ({read.TotalSeconds:0.00} s to read)", "—", true);

        var queries = scope.ServiceProvider.GetRequiredService<AuditQueries>();
        var firstPage = await Measure.SamplesAsync(5, 50, () => queries.ListAsync(new AuditFilter(), new PageRequest(0, 50)));
        var filtered = await Measure.SamplesAsync(3, 20, () => queries.ListAsync(new AuditFilter(Action: AccountAuditActions.SignInFailed, Success: false), new PageRequest(0, 50)));
        Measure.Report($"audit page, first page of 50, no filter, {size:N0} events", $"p50 {Measure.Percentile(firstPage, 50):0.0} ms, p95 {Measure.Percentile(firstPage, 95):0.0} ms", "≤ 50 ms", Measure.Percentile(firstPage, 95) <= 50);
        Measure.Report($"audit page, first page of 50, action + outcome filter (counted up to 10,001), {size:N0} events", $"p50 {Measure.Percentile(filtered, 50):0.0} ms, p95 {Measure.Percentile(filtered, 95):0.0} ms", "—", true);
    }

    private static async Task SeedChainAsync(ServiceDatabase host, int size)
    {
        const int batch = 20_000;
        var start = DateTimeOffset.UtcNow.AddDays(-60);
        var actors = new[]
        {
            new AuditActor("u1", "admin@ava.local", "10.0.0.1", null),
            new AuditActor("u2", "developer@ava.local", "10.0.0.2", null),
            new AuditActor("u3", "viewer@ava.local", "10.0.0.3", null),
        };
        for (var offset = 0; offset < size; offset += batch)
        {
            await using var scope = host.Scope();
            var trail = scope.ServiceProvider.GetRequiredService<AuditTrail>();
            await using var db = host.NewContext();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync();
            var events = Enumerable.Range(offset, Math.Min(batch, size - offset)).Select(i =>
            {
                var failed = i % 17 == 0;
                var entry = failed
                    ? new AuditEntry(AccountAuditActions.SignInFailed, "account", false, "bad password")
                    : new AuditEntry(i % 5 == 0 ? AccountAuditActions.SignOut : AccountAuditActions.SignInSucceeded, "account", true, Metadata: "{\"n\":" + i + "}");
                return (start.AddSeconds(i * 5), entry, actors[i % actors.Length]);
            });
            await trail.AppendHistoryAsync(db, events, CancellationToken.None);
            await transaction.CommitAsync();
        }
    }
}
