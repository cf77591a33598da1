using Ava.Domain.Health;
using Ava.Domain.Workflows;
using Ava.Infrastructure.Alerts;
using Ava.Infrastructure.Health;
using Ava.Infrastructure.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ava.Benchmarks;

/// <summary>
/// The two jobs that run every minute, over a full history: 7 days of samples of every check (one a minute), of
/// request tallies (one a minute) and of workflow runs, with one check degraded for the last two hours and one
/// run going for five, so the rules find something each time. Each job is timed through its real service, next
/// to a baseline measured in the same run.
/// </summary>
internal static class OperationsBenchmarks
{
    private const int Minutes = 7 * 24 * 60;

    public static async Task RunAsync(int runs)
    {
        await using var host = await BenchmarkDatabase.CreateAsync();
        await using var empty = await BenchmarkDatabase.CreateAsync();
        var checks = await SeedAsync(host);

        Console.WriteLine($"History: {checks} checks × {Minutes:N0} samples, {Minutes:N0} request tallies, {Minutes / 10:N0} workflow runs.");
        await using (var scope = host.Scope())
        {
            // What each timed run finds: the degraded check and the long run, already raised by the first one.
            var first = await scope.ServiceProvider.GetRequiredService<AlertEvaluator>().EvaluateAsync();
            Console.WriteLine($"First rule job: {first.Raised} raised ({string.Join(", ", await ActiveAlertsAsync(host))}); later ones count them again.");
        }

        Console.WriteLine();
        Console.WriteLine("| measurement | result | goal | |");
        Console.WriteLine("|---|---|---|---|");

        var sampling = await SamplesAsync(host, runs, s => s.GetRequiredService<HealthSampler>().SampleAsync());
        Report("sampling job: run every check, record the samples, prune the history", sampling, 100);
        var checksOnly = await SamplesAsync(host, runs, s => s.GetRequiredService<HealthCheckService>().CheckHealthAsync());
        Report("baseline: the same checks, nothing recorded", checksOnly, null);

        var rules = await SamplesAsync(host, runs, s => s.GetRequiredService<AlertEvaluator>().EvaluateAsync());
        Report("rule job: every rule over the history, two active alerts counted again", rules, 100);
        var rulesEmpty = await SamplesAsync(empty, runs, s => s.GetRequiredService<AlertEvaluator>().EvaluateAsync());
        Report("baseline: the rule job on an empty database", rulesEmpty, null);

        var tiles = await SamplesAsync(host, runs, s => s.GetRequiredService<HealthQueries>().TilesAsync());
        Report("health tiles: every check's 24 h of samples, uptime and sparkline", tiles, null);
        var week = await SamplesAsync(host, runs, s => s.GetRequiredService<MetricsQueries>().GetAsync(MetricsWindow.Week));
        Report("metrics over 7 days, hourly buckets", week, null);
    }

    private static async Task<List<string>> ActiveAlertsAsync(ServiceDatabase host)
    {
        await using var db = host.NewContext();
        return await db.Alerts.Where(a => a.ResolvedAt == null).Select(a => a.Kind + "/" + a.Subject).ToListAsync();
    }

    private static async Task<double[]> SamplesAsync<T>(ServiceDatabase host, int runs, Func<IServiceProvider, Task<T>> call) =>
        await Measure.SamplesAsync(3, runs, async () =>
        {
            await using var scope = host.Scope();
            await call(scope.ServiceProvider);
        });

    private static void Report(string name, double[] samples, double? goalMs)
    {
        var (p50, p95) = (Measure.Percentile(samples, 50), Measure.Percentile(samples, 95));
        var value = $"p50 {p50:0.0} ms, p95 {p95:0.0} ms";
        if (goalMs is { } goal)
        {
            Measure.Report(name, value, $"≤ {goal:0} ms", p95 <= goal);
        }
        else
        {
            Console.WriteLine($"| {name} | {value} | — | |");
        }
    }

    /// <returns>How many checks the history covers.</returns>
    private static async Task<int> SeedAsync(ServiceDatabase host)
    {
        var now = DateTimeOffset.UtcNow;
        await using var scope = host.Scope();
        var checks = scope.ServiceProvider.GetRequiredService<HealthQueries>().CheckNames;
        foreach (var check in checks)
        {
            for (var batch = 0; batch < Minutes; batch += 5_000)
            {
                await using var db = host.NewContext();
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                for (var i = batch; i < Math.Min(Minutes, batch + 5_000); i++)
                {
                    var degraded = check == "disk" && i < 120;
                    db.HealthSamples.Add(new HealthSample(check, degraded ? HealthState.Degraded : HealthState.Healthy, 2 + i % 17,
                        degraded ? "900 MB free" : "fine", now.AddMinutes(-i - 1)));
                }

                await db.SaveChangesAsync();
            }
        }

        await using (var db = host.NewContext())
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = 0; i < Minutes; i++)
            {
                db.RequestTallies.Add(new RequestTally("bench", now.AddMinutes(-i - 1), 40 + i % 160, i % 97 == 0 ? 3 : 0));
            }

            for (var i = 0; i < Minutes / 10; i++)
            {
                var queued = now.AddMinutes(-10 * i - 5);
                var run = new WorkflowRun($"bench-{i}", "archive-old-streams", "schedule", "{}", queued);
                run.MarkStarted(1, queued.AddSeconds(1));
                if (i % 50 == 0)
                {
                    run.MarkAttemptFailed("A benchmark failure.", willRetry: false, queued.AddSeconds(30));
                }
                else
                {
                    run.MarkSucceeded(queued.AddSeconds(20));
                }

                db.WorkflowRuns.Add(run);
            }

            var stuck = new WorkflowRun("bench-stuck", "archive-old-streams", "schedule", "{}", now.AddHours(-5));
            stuck.MarkStarted(1, now.AddHours(-5));
            db.WorkflowRuns.Add(stuck);
            await db.SaveChangesAsync();
        }

        return checks.Count;
    }
}
