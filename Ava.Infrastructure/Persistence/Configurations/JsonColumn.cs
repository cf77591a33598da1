using System.Text.Json;
using System.Text.Json.Serialization;
using Ava.Infrastructure.ChangeSets;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Ava.Infrastructure.Persistence.Configurations;

/// <summary>
/// An immutable list stored as one JSON text column. The lists are written once and never changed
/// in place, so reference equality is the right change-tracking comparison.
/// </summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(), new ChangeTargetTypeJsonConverter() } };

    public static ValueConverter<IReadOnlyList<T>, string> Converter<T>() => new(
        v => JsonSerializer.Serialize(v, Json),
        s => JsonSerializer.Deserialize<List<T>>(s, Json) ?? new List<T>());

    public static ValueComparer<IReadOnlyList<T>> Comparer<T>() => new(
        (a, b) => ReferenceEquals(a, b),
        v => v.GetHashCode(),
        v => v);
}
