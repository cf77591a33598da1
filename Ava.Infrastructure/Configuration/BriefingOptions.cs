using System.Text.RegularExpressions;

namespace Ava.Infrastructure.Configuration;

/// <summary>The <c>Briefings</c> section: when the morning-briefing workflow runs, and in which time zone its dates are.</summary>
public sealed partial class BriefingOptions
{
    public const string Section = "Briefings";

    /// <summary>Cron of the morning-briefing workflow (five fields), read in <see cref="TimeZone"/>: 06:00 by default.</summary>
    public string Cron { get; set; } = "0 6 * * *";

    /// <summary>An IANA time zone id (e.g. Europe/Berlin): when the cron fires, and which day "today" is.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>The configured zone; UTC when the setting is empty.</summary>
    public TimeZoneInfo Zone() => string.IsNullOrWhiteSpace(TimeZone) ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(TimeZone.Trim());

    /// <summary>The date of <paramref name="at"/> in the briefing's time zone.</summary>
    public DateOnly DateAt(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Zone()).DateTime);

    /// <summary>The moment <paramref name="date"/> ends (the next midnight) in the briefing's time zone.</summary>
    public DateTimeOffset EndOf(DateOnly date)
    {
        var zone = Zone();
        var midnight = date.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // A midnight skipped by a daylight-saving change does not exist; the hour after it does.
        while (zone.IsInvalidTime(midnight))
        {
            midnight = midnight.AddHours(1);
        }

        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
    }

    /// <summary>The setting problems, each naming the setting; empty when both are usable.</summary>
    public static IEnumerable<string> Problems(string? cron, string? timeZone)
    {
        if (cron is not null && !CronPattern().IsMatch(cron.Trim()))
        {
            yield return $"{Section}:Cron '{cron}' is not a cron expression; use five fields, minute hour day month weekday (e.g. \"0 6 * * *\").";
        }

        if (!string.IsNullOrWhiteSpace(timeZone) && !System.TimeZoneInfo.TryFindSystemTimeZoneById(timeZone.Trim(), out _))
        {
            yield return $"{Section}:TimeZone '{timeZone}' is not a time zone this machine knows; use an IANA id such as UTC or Europe/Berlin.";
        }
    }

    [GeneratedRegex(@"^[0-9*/,\-A-Za-z?LW#]+( +[0-9*/,\-A-Za-z?LW#]+){4,5}$")]
    private static partial Regex CronPattern();
}
