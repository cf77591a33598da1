namespace Ava.Infrastructure.Metrics;

public enum MetricUnit
{
    Count,
    Percent,
    Milliseconds,
    Tokens,

    /// <summary>An average rating, 1 to 5.</summary>
    Rating,
}

/// <summary>One line of a chart: a value per hour (null where the hour has nothing to measure) and the whole window's figure.</summary>
public sealed record MetricSeries(string Key, string Title, MetricUnit Unit, IReadOnlyList<double?> Values, double? Total);

/// <summary>Series that belong on one chart.</summary>
public sealed record MetricGroup(string Key, string Title, IReadOnlyList<MetricSeries> Series);

/// <summary>
/// The hours of a metrics window, ending with the hour in progress, and the ways a series is made from recorded
/// rows: counts, sums, averages and rates per hour, with the same figure over the whole window.
/// </summary>
public sealed class HourBuckets
{
    public HourBuckets(DateTimeOffset now, int hours)
    {
        var hour = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerHour, TimeSpan.Zero);
        Count = hours;
        Start = hour.AddHours(1 - hours);
        End = now;
    }

    public DateTimeOffset Start { get; }

    public DateTimeOffset End { get; }

    public int Count { get; }

    public IReadOnlyList<DateTimeOffset> Hours => Enumerable.Range(0, Count).Select(i => Start.AddHours(i)).ToList();

    /// <summary>The bucket of a moment, or null outside the window.</summary>
    public int? IndexOf(DateTimeOffset at)
    {
        if (at < Start)
        {
            return null;
        }

        var index = (int)((at - Start).Ticks / TimeSpan.TicksPerHour);
        return index < Count ? index : null;
    }

    public MetricSeries Counts(string key, string title, IEnumerable<DateTimeOffset> events, MetricUnit unit = MetricUnit.Count) =>
        Sums(key, title, unit, events.Select(at => (at, 1.0)));

    /// <summary>Hours without a value count 0: nothing happened.</summary>
    public MetricSeries Sums(string key, string title, MetricUnit unit, IEnumerable<(DateTimeOffset At, double Value)> values)
    {
        var sums = new double[Count];
        foreach (var (at, value) in values)
        {
            if (IndexOf(at) is { } i)
            {
                sums[i] += value;
            }
        }

        return new MetricSeries(key, title, unit, sums.Select(v => (double?)v).ToList(), sums.Sum());
    }

    /// <summary>Hours without a value are null: nothing to average.</summary>
    public MetricSeries Averages(string key, string title, MetricUnit unit, IEnumerable<(DateTimeOffset At, double Value)> values)
    {
        var (sums, counts) = Gather(values.Select(v => (v.At, v.Value, 1)));
        return new MetricSeries(key, title, unit, Ratio(sums, counts, 1),
            counts.Sum() == 0 ? null : sums.Sum() / counts.Sum());
    }

    /// <summary>The percentage of outcomes that were hits, per hour; null for an hour without outcomes.</summary>
    public MetricSeries Rate(string key, string title, IEnumerable<(DateTimeOffset At, bool Hit)> outcomes) =>
        Rate(key, title, outcomes.Select(o => (o.At, o.Hit ? 1 : 0, 1)));

    /// <summary>Hits out of a total per row (a tally of requests and errors, say), as a percentage.</summary>
    public MetricSeries Rate(string key, string title, IEnumerable<(DateTimeOffset At, int Hits, int Total)> tallies)
    {
        var (hits, totals) = Gather(tallies.Select(t => (t.At, (double)t.Hits, t.Total)));
        return new MetricSeries(key, title, MetricUnit.Percent, Ratio(hits, totals, 100),
            totals.Sum() == 0 ? null : 100 * hits.Sum() / totals.Sum());
    }

    private (double[] Values, int[] Counts) Gather(IEnumerable<(DateTimeOffset At, double Value, int Count)> rows)
    {
        var values = new double[Count];
        var counts = new int[Count];
        foreach (var (at, value, count) in rows)
        {
            if (IndexOf(at) is { } i)
            {
                values[i] += value;
                counts[i] += count;
            }
        }

        return (values, counts);
    }

    private static List<double?> Ratio(double[] values, int[] counts, double scale) =>
        values.Select((v, i) => counts[i] == 0 ? (double?)null : scale * v / counts[i]).ToList();
}
