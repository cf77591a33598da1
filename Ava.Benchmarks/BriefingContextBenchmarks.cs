using System.Globalization;
using Ava.Domain.Prompts;
using Ava.Domain.Streams;
using Ava.Infrastructure.Ai;
using Ava.Infrastructure.Briefings;
using Ava.Infrastructure.Streams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Benchmarks;

/// <summary>
/// The morning briefing's context from a busy day: the ranked query over the day's streams (the seeds' priority
/// computed in SQL, only as many rows as the token budget could ever hold), what changed in the product, and
/// the pipeline fitting the candidates into the shipped version's budget; next to loading the whole day.
/// </summary>
internal static class BriefingContextBenchmarks
{
    public static async Task RunAsync(int dayStreams)
    {
        Console.WriteLine("| measurement | result | goal | |");
        Console.WriteLine("|---|---|---|---|");
        await using var host = await BenchmarkDatabase.CreateAsync();
        var now = DateTimeOffset.UtcNow;
        var seeding = await Measure.TimeAsync(() => SeedAsync(host, dayStreams, now));
        PromptTemplateVersion version;
        await using (var db = host.NewContext())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA optimize=0x10002;");
            var template = await db.PromptTemplates.AsNoTracking().SingleAsync(t => t.Name == PromptNames.MorningBriefing);
            version = await db.PromptTemplateVersions.AsNoTracking().SingleAsync(v => v.Id == template.ActiveVersionId);
        }

        var (start, end) = (now - BriefingGenerator.Period, now);
        var date = DateOnly.FromDateTime(now.UtcDateTime);
        var scorer = host.Services.GetRequiredService<InjectionScorer>();
        var model = host.Services.GetRequiredService<IAiProvider>().Model;
        await using (var db = host.NewContext())
        {
            var sample = await BriefingContextBuilder.BuildAsync(db, start, end, version.ContextTokens, CancellationToken.None);
            var prepared = PromptPreparation.Prepare(version, sample.ToRequest(date, version.Number), model, scorer);
            Console.WriteLine($"<!-- seeded {dayStreams:N0} streams in the last 24 h and {dayStreams * 4:N0} older in {seeding.TotalSeconds:0.0} s; " +
                $"{sample.StreamsInPeriod:N0} in the period, {sample.Candidates.Count} read as candidates, {prepared.Context!.Included.Count} fit the {version.ContextTokens:N0}-token budget -->");
        }

        var query = await Measure.SamplesAsync(3, 40, async () =>
        {
            await using var db = host.NewContext();
            await BriefingContextBuilder.BuildAsync(db, start, end, version.ContextTokens, CancellationToken.None);
        });
        var whole = await Measure.SamplesAsync(3, 40, async () =>
        {
            await using var db = host.NewContext();
            var context = await BriefingContextBuilder.BuildAsync(db, start, end, version.ContextTokens, CancellationToken.None);
            if (PromptPreparation.Prepare(version, context.ToRequest(date, version.Number), model, scorer).Context is null)
            {
                throw new InvalidOperationException("The briefing's instructions alone exceed its budget.");
            }
        });
        var wholeDay = await Measure.SamplesAsync(3, 40, async () =>
        {
            await using var db = host.NewContext();
            await db.Streams.AsNoTracking().Where(s => s.CreatedAt >= start && s.CreatedAt < end && s.Status != StreamStatus.Archived)
                .Include(s => s.Tags).AsSplitQuery().ToListAsync();
        });

        var p95 = Measure.Percentile(whole, 95);
        Measure.Report($"briefing context from {dayStreams:N0} streams of the last day: ranked query, product changes, fit into the budget (wrap, count, trim, score)",
            $"p50 {Ms(Measure.Percentile(whole, 50))}, p95 {Ms(p95)}", "p95 ≤ 200 ms", p95 <= 200);
        Measure.Report("of which: the ranked query and the product's changes", $"p50 {Ms(Measure.Percentile(query, 50))}, p95 {Ms(Measure.Percentile(query, 95))}", "—", true);
        Measure.Report($"baseline: loading all {dayStreams:N0} streams of the day with their tags", $"p50 {Ms(Measure.Percentile(wholeDay, 50))}, p95 {Ms(Measure.Percentile(wholeDay, 95))}", "—", true);
    }

    /// <summary><paramref name="dayStreams"/> streams in the last 24 hours (a tenth archived), and four times as many over the 60 days before.</summary>
    private static async Task SeedAsync(ServiceDatabase host, int dayStreams, DateTimeOffset now)
    {
        var topics = StreamDemoData.Generate();
        var total = dayStreams * 5;
        const int batch = 5_000;
        for (var offset = 0; offset < total; offset += batch)
        {
            await using var db = host.NewContext();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = offset; i < Math.Min(total, offset + batch); i++)
            {
                var (values, _, _, author) = topics[i % topics.Count];
                var inDay = i < dayStreams;
                var at = inDay ? now.AddSeconds(-(i + 1) * (86_400.0 / (dayStreams + 1))) : now.AddDays(-1).AddMinutes(-(i - dayStreams + 1) * (60.0 * 24 * 60 / (total - dayStreams)));
                var status = i % 10 == 0 ? StreamStatus.Archived : values.Status == StreamStatus.Archived ? StreamStatus.Refined : values.Status;
                db.Streams.Add(new IntelligenceStream(values with { Title = $"{values.Title} #{i}", Status = status }, author, at));
            }

            await db.SaveChangesAsync();
        }
    }

    private static string Ms(double value) => value.ToString(value < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + " ms";
}
