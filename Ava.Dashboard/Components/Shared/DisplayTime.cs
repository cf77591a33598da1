using System.Globalization;

namespace Ava.Dashboard.Components.Shared;

/// <summary>
/// How every page shows a point in time: in UTC, always labelled, in one of a few fixed formats, so two
/// pages never show the same moment differently (a server's local zone is never used).
/// </summary>
public static class DisplayTime
{
    /// <summary>"2026-12-01".</summary>
    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"2026-12-01 14:05 UTC".</summary>
    public static string Minutes(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>"2026-12-01 14:05:09 UTC".</summary>
    public static string Seconds(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>"2026-12-01 14:05:09.123 UTC", for the audit log's details.</summary>
    public static string Milliseconds(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>The machine-readable value of a <c>&lt;time datetime="…"&gt;</c> element.</summary>
    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>"just now", "5 min ago", "3 h ago", "2 d ago", then the date.</summary>
    public static string Age(DateTimeOffset at, DateTimeOffset now)
    {
        var age = now - at;
        return age switch
        {
            { TotalMinutes: < 1 } => "just now",
            { TotalHours: < 1 } => $"{(int)age.TotalMinutes} min ago",
            { TotalDays: < 1 } => $"{(int)age.TotalHours} h ago",
            { TotalDays: < 30 } => $"{(int)age.TotalDays} d ago",
            _ => Date(at),
        };
    }

    /// <summary>"0.4 s", "2 min 05 s", "1 h 02 min".</summary>
    public static string Duration(TimeSpan duration) => duration switch
    {
        { TotalMinutes: < 1 } => $"{duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s",
        { TotalHours: < 1 } => $"{(int)duration.TotalMinutes} min {duration.Seconds:00} s",
        _ => $"{(int)duration.TotalHours} h {duration.Minutes:00} min",
    };
}
