using System.Globalization;
using Ava.Domain.Prompts;
using Ava.Domain.Streams;
using Ava.Infrastructure.Ai;
using Ava.Infrastructure.Prompts;
using Microsoft.Extensions.AI;

namespace Ava.Benchmarks;

/// <summary>
/// The AI pipeline's own cost per call, without the model and the database: rendering, wrapping every
/// untrusted item, scoring it, counting tokens and trimming about 10,000 tokens of streams into the
/// shipped briefing's 8,000-token budget, and validating the answer; next to a bare call to the
/// offline generator on the same prompt.
/// </summary>
internal static class AiPipelineBenchmarks
{
    public static async Task RunAsync(int calls)
    {
        Console.WriteLine("| measurement | result | goal | |");
        Console.WriteLine("|---|---|---|---|");
        var seed = SeedTemplates.All.Single(t => t.Name == PromptNames.MorningBriefing);
        var template = new PromptTemplate(seed.Name, seed.Description, DateTimeOffset.UtcNow);
        var version = template.AddVersion(SemanticVersion.Parse(seed.Version), seed.Text, seed.SystemContext, seed.Settings, seed.Validation, seed.Changelog, null, "bench", DateTimeOffset.UtcNow);
        var request = PromptInputs.Briefing(new DateOnly(2026, 11, 23), Streams(80));
        var scorer = new InjectionScorer(new ScreeningOptions());
        var offline = new OfflineChatClient();
        var model = "gpt-4o";
        var totalTokens = request.Items.Sum(i => TokenCounter.Count(model, i.Text));

        var prepared = PromptPreparation.Prepare(version, request, model, scorer);
        var answer = (await offline.GetResponseAsync([new ChatMessage(ChatRole.System, prepared.System), new ChatMessage(ChatRole.User, prepared.User)])).Text;
        Console.WriteLine($"<!-- {request.Items.Count} streams, {totalTokens:N0} tokens of context; {prepared.Context!.Included.Count} kept, {prepared.Context.Dropped.Count} dropped; prompt {prepared.Tokens:N0} tokens -->");

        var pipeline = await Measure.SamplesAsync(100, calls, () =>
        {
            var p = PromptPreparation.Prepare(version, request, model, scorer);
            var validated = OutputValidator.Validate(answer, version.Validation);
            return validated.IsValid && p.Context is not null ? Task.CompletedTask : throw new InvalidOperationException("The benchmark's answer does not validate.");
        });
        var scoring = await Measure.SamplesAsync(100, calls, () =>
        {
            foreach (var item in request.Items)
            {
                scorer.Score(item.Text);
            }

            return Task.CompletedTask;
        });
        var counting = await Measure.SamplesAsync(100, calls, () =>
        {
            foreach (var item in request.Items)
            {
                TokenCounter.Count(model, item.Text);
            }

            return Task.CompletedTask;
        });
        var validation = await Measure.SamplesAsync(100, calls, () => Task.FromResult(OutputValidator.Validate(answer, version.Validation)));
        var bare = await Measure.SamplesAsync(100, calls, async () =>
            await offline.GetResponseAsync([new ChatMessage(ChatRole.System, prepared.System), new ChatMessage(ChatRole.User, prepared.User)]));

        var p95 = Measure.Percentile(pipeline, 95);
        Measure.Report($"pipeline per call: render, wrap, score, count and trim {totalTokens:N0} tokens into 8,000, validate", $"p50 {Ms(Measure.Percentile(pipeline, 50))}, p95 {Ms(p95)}", "p95 ≤ 5 ms", p95 <= 5);
        Measure.Report($"of which: injection scoring of {request.Items.Count} items", $"p50 {Ms(Measure.Percentile(scoring, 50))}, p95 {Ms(Measure.Percentile(scoring, 95))}", "—", true);
        Measure.Report("of which: token counting of the items (o200k_base)", $"p50 {Ms(Measure.Percentile(counting, 50))}, p95 {Ms(Measure.Percentile(counting, 95))}", "—", true);
        Measure.Report("of which: validating the briefing (sections, length)", $"p50 {Ms(Measure.Percentile(validation, 50))}, p95 {Ms(Measure.Percentile(validation, 95))}", "—", true);
        Measure.Report("baseline: a bare call to the offline generator on the same prompt", $"p50 {Ms(Measure.Percentile(bare, 50))}, p95 {Ms(Measure.Percentile(bare, 95))}", "—", true);
    }

    private static string Ms(double value) => value.ToString(value < 10 ? "0.00" : "0", CultureInfo.InvariantCulture) + " ms";

    private static List<IntelligenceStream> Streams(int count)
    {
        var rng = new Random(13);
        string[] topics = ["checkout latency after the cache change", "login failures in the EU region", "flaky integration test on ARM runners", "retry helper ready to ship", "security review of the upload endpoint"];
        string[] tags = ["performance", "security", "auth", "release", "ci", "incident"];
        return Enumerable.Range(1, count).Select(i =>
        {
            var topic = topics[i % topics.Length];
            var summary = string.Join(' ', Enumerable.Range(0, 2).Select(s => $"Finding {s + 1} about {topic}: the measurements from run {rng.Next(1000, 9999)} show a change of {rng.Next(1, 90)} % against the baseline, see https://github.com/example/repo/issues/{rng.Next(1, 500)}."));
            var values = new StreamValues($"{char.ToUpperInvariant(topic[0])}{topic[1..]} #{i}", (StreamSource)(i % 5), StreamStatus.Raw, (StreamPriority)(i % 4),
                summary, i % 3 == 0 ? Math.Round(0.5 + rng.NextDouble() / 2, 2) : null, [tags[i % tags.Length], tags[(i + 2) % tags.Length]]);
            return IntelligenceStream.Restore(i, values, DateTimeOffset.UtcNow.AddHours(-i % 24), "bench", DateTimeOffset.UtcNow, "bench", null);
        }).ToList();
    }
}
