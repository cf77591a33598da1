using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Ava.Dashboard.Api;

/// <summary>A request the API cannot read (body, media type): answered with its status and a message that says what to send.</summary>
internal sealed class ApiRequestException(int status, string title, string detail, IDictionary<string, string[]>? errors = null)
    : Exception(detail)
{
    public int Status { get; } = status;

    public string Title { get; } = title;

    /// <summary>Messages per JSON field, when the problem is one field's value.</summary>
    public IDictionary<string, string[]>? Errors { get; } = errors;

    public IResult ToResult() => Errors is { Count: > 0 } errors
        ? TypedResults.ValidationProblem(errors, detail: Message, title: Title)
        : TypedResults.Problem(statusCode: Status, title: Title, detail: Message);

    /// <summary>
    /// Explains a body that failed to deserialize: a value of the wrong type (an unknown enum name
    /// included) becomes a message on its field; anything else is reported as invalid JSON.
    /// </summary>
    public static ApiRequestException FromJson(JsonException exception, ReadOnlyMemory<byte> body, Type bodyType, JsonSerializerOptions options)
    {
        if (!IsWellFormedJson(body))
        {
            var where = exception.LineNumber is { } line ? $" (line {line + 1}, position {exception.BytePositionInLine + 1})" : "";
            return new ApiRequestException(StatusCodes.Status400BadRequest, "The request body is not valid JSON", $"The request body is not valid JSON{where}.");
        }

        var property = PropertyAt(exception.Path, options.GetTypeInfo(bodyType));
        if (property is null)
        {
            return new ApiRequestException(StatusCodes.Status400BadRequest, "The request body has the wrong shape",
                "The request body must be a JSON object with the fields the OpenAPI document describes.");
        }

        var message = $"'{property.Name}' {Expected(property.PropertyType)}.";
        return new ApiRequestException(StatusCodes.Status400BadRequest, "The request body has a field of the wrong type", message,
            new Dictionary<string, string[]> { [property.Name] = [message] });
    }

    private static bool IsWellFormedJson(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The top-level property a JSON path such as <c>$.tags[0]</c> points into.</summary>
    private static JsonPropertyInfo? PropertyAt(string? path, JsonTypeInfo type)
    {
        if (path is null || !path.StartsWith("$.", StringComparison.Ordinal))
        {
            return null;
        }

        var name = path[2..];
        var end = name.IndexOfAny(['.', '[']);
        name = end < 0 ? name : name[..end];
        return type.Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
    }

    private static string Expected(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
        {
            return "must be one of " + string.Join(", ", Enum.GetNames(type));
        }

        return type switch
        {
            _ when type == typeof(string) => "must be a string",
            _ when type == typeof(Guid) => "must be the version from the last GET (a GUID string)",
            _ when type == typeof(bool) => "must be true or false",
            _ when type == typeof(double) || type == typeof(int) || type == typeof(long) => "must be a number",
            _ when type != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(type) => "must be an array of strings",
            _ => "has the wrong type",
        };
    }
}
