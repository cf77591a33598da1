using System.Text.Json;
using System.Text.Json.Serialization;
using Ava.Domain.Recommendations;

namespace Ava.Infrastructure.ChangeSets;

/// <summary>
/// A change-target type in JSON is its API name, <c>"stream"</c>. Reading takes any case, so the
/// recommendations stored while the type was an enum (<c>"Stream"</c>) read unchanged.
/// </summary>
public sealed class ChangeTargetTypeJsonConverter : JsonConverter<ChangeTargetType>
{
    public override ChangeTargetType Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && ChangeTargetType.TryParse(reader.GetString(), out var type)
            ? type
            : throw new JsonException("A change-target type is written as its name, such as \"stream\".");

    public override void Write(Utf8JsonWriter writer, ChangeTargetType value, JsonSerializerOptions options) => writer.WriteStringValue(value.Name);
}
