using System.Globalization;

namespace Ava.Dashboard.Components.Account.Shared;

/// <summary>Times on the static account pages, which cannot ask the browser for its time zone.</summary>
internal static class ApiTokenDates
{
    public static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Format(DateTimeOffset? at, string none) => at is { } value ? Format(value) : none;
}
