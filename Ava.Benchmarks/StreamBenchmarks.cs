using Ava.Domain.Streams;
using Ava.Domain.Workflows;
using Ava.Infrastructure.Security;
using Ava.Infrastructure.Streams;
using Ava.Infrastructure.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Benchmarks;

/// <summary>Streams figures for docs/benchmarks.md: list queries with 100,000 streams and archive throughput.</summary>
internal static class StreamBenchmarks
{
    public static async Task RunAsync(int streamCount)
    {
        Console.WriteLine("| measurement | result | goal | |");
        Console.WriteLine("|---|---|---|---|");
        await using var host = await BenchmarkDatabase.CreateAsync();
        var seeding = await Measure.TimeAsync(() => SeedAsync(host, streamCount));
        Console.WriteLine($"<!-- seeded {streamCount:N0} streams with tags in {seeding.TotalSeconds:0.0} s -->");

        // What start-up does on a database that has grown: refresh the planner's statistics.
        await using (var db = host.NewContext())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA optimize=0x10002;");
        }

        await using (var scope = host.Scope())
        {
            var streams = scope.ServiceProvider.GetRequiredService<StreamService>();
            await QueryAsync(streams, streamCount, "default list: newest first, page 1 of 25", new StreamQuery());
            await QueryAsync(streams, streamCount, "filter status + source, sort by created", new StreamQuery(Status: StreamStatus.Raw, Source: StreamSource.GitHub));
            await QueryAsync(streams, streamCount, "filter priority, sort by ECL", new StreamQuery(Priority: StreamPriority.High, SortBy: StreamSortField.EclScore));
            await QueryAsync(streams, streamCount, "filter tag + ECL range, sort by updated", new StreamQuery(Tags: ["security"], EclMin: 0.5, EclMax: 0.9, SortBy: StreamSortField.UpdatedAt));
            await QueryAsync(streams, streamCount, "filter tag, newest first", new StreamQuery(Tags: ["security"]));
            await QueryAsync(streams, streamCount, "filter one tag (8 % of streams), sort by title", new StreamQuery(Tags: ["cost"], SortBy: StreamSortField.Title));
            await QueryAsync(streams, streamCount, "filter two tags, sort by title", new StreamQuery(Tags: ["security", "ai"], SortBy: StreamSortField.Title));
            await QueryAsync(streams, streamCount, "filter ECL range, sort by updated (no tag)", new StreamQuery(EclMin: 0.5, EclMax: 0.9, SortBy: StreamSortField.UpdatedAt));
            await QueryAsync(streams, streamCount, "free-text search (title and summary, a full scan)", new StreamQuery(Text: "pool"), goal: "—");
        }

        await ArchiveThroughputAsync(host);
    }

    private static async Task QueryAsync(StreamService streams, int count, string name, StreamQuery query, string goal = "≤ 20 ms")
    {
        var samples = await Measure.SamplesAsync(5, 40, () => streams.ListAsync(query));
        var p95 = Measure.Percentile(samples, 95);
        Measure.Report($"streams page query with {count:N0} streams: {name}", $"p50 {Measure.Percentile(samples, 50):0.0} ms, p95 {p95:0.0} ms", goal, goal == "—" || p95 <= 20);
    }

    private static async Task ArchiveThroughputAsync(ServiceDatabase host)
    {
        // A run of its own, as Hangfire's would be, so the job writes its progress as it does in the app.
        const string jobId = "benchmark-archive";
        await using (var db = host.NewContext())
        {
            db.WorkflowRuns.Add(new WorkflowRun(jobId, ArchiveOldStreamsJob.Name, "schedule", "{}", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        await using var scope = host.Scope();
        var job = scope.ServiceProvider.GetRequiredService<ArchiveOldStreamsJob>();
        int archived = 0;
        var run = await Measure.TimeAsync(async () => archived = await job.ArchiveAsync(jobId, CancellationToken.None));

        // Baseline: the same rows archived by one UPDATE, without batches, audit events or progress.
        await using (var db = host.NewContext())
        {
            var archivedBy = host.User.DisplayName();
            await db.Streams.Where(s => s.Status == StreamStatus.Archived && s.UpdatedBy == archivedBy)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, StreamStatus.Raw));
        }

        var single = await Measure.TimeAsync(async () =>
        {
            await using var db = host.NewContext();
            var cutoff = DateTimeOffset.UtcNow.AddDays(-30);
            await db.Streams.Where(s => s.Status != StreamStatus.Archived && s.CreatedAt < cutoff)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, StreamStatus.Archived));
        });

        var rate = archived / run.TotalSeconds;
        Measure.Report($"archive-old-streams, {archived:N0} streams in batches of 50 (one transaction and audit event each, progress every 250 ms)",
            $"{rate:N0} streams/s ({run.TotalSeconds:0.00} s)", "≥ 5,000 streams/s", rate >= 5000);
        Measure.Report("archive job vs. one UPDATE of the same rows (baseline)", $"{run.TotalSeconds / single.TotalSeconds:0.0}× ({single.TotalSeconds:0.00} s)", "—", true);
    }

    internal static async Task SeedAsync(ServiceDatabase host, int count)
    {
        var topics = StreamDemoData.Generate();
        var now = DateTimeOffset.UtcNow;
        const int batch = 5_000;
        for (var offset = 0; offset < count; offset += batch)
        {
            await using var db = host.NewContext();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = offset; i < Math.Min(count, offset + batch); i++)
            {
                var (values, _, _, author) = topics[i % topics.Count];
                var status = i % 10 == 0 ? StreamStatus.Archived : values.Status == StreamStatus.Archived ? StreamStatus.Refined : values.Status;
                // Spread over the last 60 days, so about half are old enough for the archive job.
                db.Streams.Add(new IntelligenceStream(values with { Title = $"{values.Title} #{i}", Status = status }, author, now.AddMinutes(-i * (60.0 * 24 * 60 / count))));
            }

            await db.SaveChangesAsync();
        }
    }
}
