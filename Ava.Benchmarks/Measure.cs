using System.Diagnostics;

namespace Ava.Benchmarks;

internal static class Measure
{
    public static async Task<TimeSpan> TimeAsync(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed;
    }

    /// <summary>Runs the action <paramref name="runs"/> times after <paramref name="warmup"/> unmeasured runs; returns the durations in ms, sorted.</summary>
    public static async Task<double[]> SamplesAsync(int warmup, int runs, Func<Task> action)
    {
        for (var i = 0; i < warmup; i++)
        {
            await action();
        }

        var samples = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await action();
            samples[i] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(samples);
        return samples;
    }

    /// <summary>The synchronous form of <see cref="SamplesAsync"/>, for CPU-bound work.</summary>
    public static double[] Samples(int warmup, int runs, Action action) =>
        SamplesAsync(warmup, runs, () => { action(); return Task.CompletedTask; }).GetAwaiter().GetResult();

    public static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

    public static void Report(string name, string value, string goal, bool met) =>
        Console.WriteLine($"| {name} | {value} | {goal} | {(met ? "met" : "NOT met")} |");
}
