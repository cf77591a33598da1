using System.Text;
using Ava.Dashboard.Components.Shared;
using DiffPlex.DiffBuilder;

namespace Ava.Benchmarks;

/// <summary>
/// The text diff of a preview or changeset (issue: hardening, bounded diffs): the bounded model against
/// DiffPlex over the whole text, for a code field at its 200,000-character maximum rewritten from top to bottom.
/// </summary>
public static class DiffBenchmarks
{
    public static void Run()
    {
        Console.WriteLine("| measurement | result | goal | |");
        Console.WriteLine("|---|---|---|---|");
        var (before, after) = Rewrite(lines: 4_000, width: 49);
        var (allowedBefore, allowedAfter) = Rewrite(lines: TextDiffModel.MaxLines, width: 49);
        var (smallBefore, smallAfter) = Edit(lines: 200, width: 49);

        var unbounded = Measure.Samples(2, 10, () => InlineDiffBuilder.Diff(before, after, ignoreWhiteSpace: false));
        var bounded = Measure.Samples(2, 10, () => TextDiffModel.Build(before, after));
        var atLimit = Measure.Samples(2, 10, () => TextDiffModel.Build(allowedBefore, allowedAfter));
        var small = Measure.Samples(5, 40, () => TextDiffModel.Build(smallBefore, smallAfter));

        Measure.Report($"baseline: DiffPlex over a full rewrite of {before.Length:N0} characters ({4_000:N0} lines)", Describe(unbounded), "—", true);
        Measure.Report("bounded diff of the same texts (over the line limit: offered as downloads)", $"{Describe(bounded)} ({Measure.Percentile(unbounded, 50) / Math.Max(Measure.Percentile(bounded, 50), 0.001):N0}× faster)", "p95 ≤ 50 ms", Measure.Percentile(bounded, 95) <= 50);
        Measure.Report($"bounded diff at the limit: full rewrite of {TextDiffModel.MaxLines:N0} lines, {TextDiffModel.MaxRows} rows shown", Describe(atLimit), "p95 ≤ 500 ms", Measure.Percentile(atLimit, 95) <= 500);
        Measure.Report("bounded diff of a 200-line text with 5 lines changed", Describe(small), "p95 ≤ 5 ms", Measure.Percentile(small, 95) <= 5);
    }

    private static string Describe(double[] samples) => $"p50 {Measure.Percentile(samples, 50):0.0} ms, p95 {Measure.Percentile(samples, 95):0.0} ms";

    private static (string Before, string After) Rewrite(int lines, int width) =>
        (Text(lines, width, "var oldValue"), Text(lines, width, "let newValue"));

    private static (string Before, string After) Edit(int lines, int width)
    {
        var before = Text(lines, width, "var value");
        var after = before.Replace("var value 17 ", "var changed 17 ", StringComparison.Ordinal)
            .Replace("var value 60 ", "var changed 60 ", StringComparison.Ordinal)
            .Replace("var value 99 ", "var changed 99 ", StringComparison.Ordinal)
            .Replace("var value 140 ", "var changed 140 ", StringComparison.Ordinal)
            .Replace("var value 181 ", "var changed 181 ", StringComparison.Ordinal);
        return (before, after);
    }

    private static string Text(int lines, int width, string prefix)
    {
        var builder = new StringBuilder(lines * (width + 1));
        for (var i = 0; i < lines; i++)
        {
            var line = $"{prefix} {i} = compute({i}, {i * 7 % 13});";
            builder.Append(line.PadRight(width)[..width]).Append('\n');
        }

        return builder.ToString();
    }
}
