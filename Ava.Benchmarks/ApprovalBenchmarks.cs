using Ava.Domain.Recommendations;
using Ava.Domain.Security;
using Ava.Domain.Streams;
using Ava.Infrastructure.Approvals;
using Ava.Infrastructure.ChangeSets;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Streams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Benchmarks;

/// <summary>
/// Approval-loop figures for docs/benchmarks.md: approve+apply of a 1-entity and a 50-entity
/// recommendation, rollback of a 50-entity changeset, and the queue's first page with many pending.
/// The baseline is the manual edit of the same streams through StreamService, in the same run.
/// </summary>
internal static class ApprovalBenchmarks
{
    private const int Streams = 2_000;

    public static async Task RunAsync(int pending)
    {
        Console.WriteLine("| measurement | result | goal | |");
        Console.WriteLine("|---|---|---|---|");
        await using var host = await BenchmarkDatabase.CreateAsync();
        var ids = await SeedStreamsAsync(host);
        var next = 0;
        long[] Take(int count)
        {
            var taken = Enumerable.Range(next, count).Select(i => ids[i % ids.Length]).ToArray();
            next += count;
            return taken;
        }

        var manualOne = await ManualEditsAsync(host, 40, () => Take(1));
        var approveOne = await ApproveAsync(host, 40, () => Take(1), rollBack: false);
        Report("approve + apply, 1-entity recommendation", approveOne.Approve, 50, manualOne);

        var manualFifty = await ManualEditsAsync(host, 10, () => Take(50));
        var approveFifty = await ApproveAsync(host, 20, () => Take(50), rollBack: true);
        Report("approve + apply, 50-entity recommendation", approveFifty.Approve, 500, manualFifty);
        Report("rollback, 50-entity changeset", approveFifty.Rollback!, 500, manualFifty);

        await SeedPendingAsync(host, ids, pending);
        await using var scope = host.Scope();
        var service = scope.ServiceProvider.GetRequiredService<RecommendationQueries>();
        var firstPage = await Measure.SamplesAsync(5, 40, () => service.ListAsync(new RecommendationQuery(), PageRequest.First));
        Report($"queue first page with {pending:N0} pending (incl. counts per band)", firstPage, 50, null);
        var filtered = await Measure.SamplesAsync(5, 40, () => service.ListAsync(new RecommendationQuery(Band: ConfidenceBand.NeedsReview, Source: "triage"), PageRequest.First));
        Report($"queue first page with {pending:N0} pending, band + source filter", filtered, 50, null);
    }

    private static void Report(string name, double[] samples, double goalMs, double[]? baseline)
    {
        var p95 = Measure.Percentile(samples, 95);
        var ratio = baseline is null ? "" : $" ({Measure.Percentile(samples, 50) / Measure.Percentile(baseline, 50):0.0}× the manual edits of the same streams, p50 {Measure.Percentile(baseline, 50):0.0} ms)";
        Measure.Report(name, $"p50 {Measure.Percentile(samples, 50):0.0} ms, p95 {p95:0.0} ms{ratio}", $"p95 ≤ {goalMs:0} ms", p95 <= goalMs);
    }

    private static async Task<(double[] Approve, double[]? Rollback)> ApproveAsync(ServiceDatabase host, int runs, Func<long[]> streams, bool rollBack)
    {
        var approve = new List<double>();
        var rollback = new List<double>();
        for (var i = 0; i < runs + 2; i++)
        {
            await using var scope = host.Scope();
            var intake = scope.ServiceProvider.GetRequiredService<RecommendationIntake>();
            var decisions = scope.ServiceProvider.GetRequiredService<RecommendationDecisions>();
            var changes = streams().Select((id, j) => new SubmittedChange("stream", id,
                [new FieldChange("priority", (i + j) % 2 == 0 ? "High" : "Low"), new FieldChange("ecl_score", $"0.{(i + j) % 9 + 1}")])).ToList();
            // Submitted by a Developer: an approver never approves their own recommendation (separation of duties).
            var approver = host.User;
            host.User = ServiceDatabase.Principal("developer@ava.local", Roles.Developer);
            var submitted = await intake.SubmitAsync(new RecommendationSubmission(changes, "Benchmark.", 0.9, "api:bench"));
            host.User = approver;
            var changeSetId = 0L;
            var elapsed = await Measure.TimeAsync(async () => changeSetId = await decisions.ApproveAsync(submitted.Id));
            var undo = rollBack
                ? await Measure.TimeAsync(() => scope.ServiceProvider.GetRequiredService<ChangeSetService>().RollbackAsync(changeSetId, "Benchmark."))
                : TimeSpan.Zero;
            if (i >= 2)
            {
                approve.Add(elapsed.TotalMilliseconds);
                rollback.Add(undo.TotalMilliseconds);
            }
        }

        return ([.. approve.Order()], rollBack ? [.. rollback.Order()] : null);
    }

    private static async Task<double[]> ManualEditsAsync(ServiceDatabase host, int runs, Func<long[]> streams)
    {
        var samples = new List<double>();
        for (var i = 0; i < runs + 2; i++)
        {
            await using var scope = host.Scope();
            var service = scope.ServiceProvider.GetRequiredService<StreamService>();
            var elapsed = await Measure.TimeAsync(async () =>
            {
                foreach (var id in streams())
                {
                    var stream = (await service.GetAsync(id))!;
                    await service.UpdateAsync(id, stream.Values with { Priority = stream.Values.Priority == StreamPriority.High ? StreamPriority.Low : StreamPriority.High }, stream.Version);
                }
            });
            if (i >= 2)
            {
                samples.Add(elapsed.TotalMilliseconds);
            }
        }

        return [.. samples.Order()];
    }

    private static async Task<long[]> SeedStreamsAsync(ServiceDatabase host)
    {
        await using var db = host.NewContext();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < Streams; i++)
        {
            db.Streams.Add(new IntelligenceStream(
                new StreamValues($"Benchmark stream number {i}", StreamSource.GitHub, StreamStatus.Raw, StreamPriority.Normal, "## Notes\n- one\n- two\n", 0.5, ["bench", $"t{i % 20}"]),
                "bench", now.AddMinutes(-i)));
        }

        await db.SaveChangesAsync();
        return await db.Streams.OrderBy(s => s.Id).Select(s => s.Id).ToArrayAsync();
    }

    /// <summary>Pending recommendations written directly (submission is not what is measured), over the last 30 days.</summary>
    private static async Task SeedPendingAsync(ServiceDatabase host, long[] ids, int count)
    {
        var now = DateTimeOffset.UtcNow;
        var sources = new[] { "triage", "code_review", "api:sync-daemon" };
        var thresholds = ConfidenceThresholds.Default;
        await using var scope = host.Scope();
        var nouns = scope.ServiceProvider.GetRequiredService<IChangeTargetNouns>();
        for (var batch = 0; batch < count; batch += 1_000)
        {
            await using var db = host.NewContext();
            for (var i = batch; i < Math.Min(count, batch + 1_000); i++)
            {
                var confidence = 0.4 + (i % 59) / 100.0;
                db.Recommendations.Add(new AiRecommendation(
                    [new ProposedChange(ChangeTargetType.Stream, ids[i % ids.Length], ChangeOperation.Update, [new FieldChange("status", "Refined")], null, $"Benchmark stream number {i % ids.Length}")],
                    nouns,
                    "Benchmark.", confidence, thresholds.Classify(confidence), sources[i % sources.Length], "bench", now.AddSeconds(-i * 250)));
            }

            await db.SaveChangesAsync();
        }

        await using var optimize = host.NewContext();
        await optimize.Database.ExecuteSqlRawAsync("PRAGMA optimize=0x10002;");
    }
}
