using System.Globalization;

namespace Ava.Dashboard.Components.Shared;

/// <summary>
/// A point in time typed into a <c>datetime-local</c> field, which the forms label "(UTC)": the value is read and
/// written as UTC, never in the server's or the browser's zone.
/// </summary>
public static class UtcInput
{
    /// <summary>The field's value format, "2026-12-01T14:30".</summary>
    public const string Format = "yyyy-MM-ddTHH:mm";

    public static string ValueOf(DateTimeOffset at) => at.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>The field's value as a UTC time; null when it is empty or not a time.</summary>
    public static DateTimeOffset? Parse(string? value) =>
        DateTime.TryParseExact(value, [Format, Format + ":ss"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? new DateTimeOffset(at, TimeSpan.Zero)
            : null;
}
