using Ava.Domain.Recommendations;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Ava.Infrastructure.Persistence;

/// <summary>
/// Timestamps are stored as UTC ticks: SQLite cannot order or compare DateTimeOffset values,
/// and a plain integer sorts and indexes the same on every provider.
/// </summary>
internal static class ValueConversions
{
    public static readonly ValueConverter<DateTimeOffset, long> UtcTicks = new(
        v => v.UtcTicks,
        v => new DateTimeOffset(v, TimeSpan.Zero));

    public static readonly ValueConverter<DateTimeOffset?, long?> NullableUtcTicks = new(
        v => v.HasValue ? v.Value.UtcTicks : null,
        v => v.HasValue ? new DateTimeOffset(v.Value, TimeSpan.Zero) : null);

    /// <summary>A change-target type is stored as its API name, so a new kind needs no schema change.</summary>
    public static readonly ValueConverter<ChangeTargetType, string> TargetType = new(
        v => v.Name,
        v => new ChangeTargetType(v));
}
