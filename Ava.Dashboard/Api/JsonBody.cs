using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Ava.Dashboard.Api;

/// <summary>
/// A JSON request body bound by the API itself, so that a malformed document or an unknown enum
/// name is answered with a 400 that names the field, instead of the framework's empty 400.
/// Endpoints declare the schema with <see cref="JsonBodyEndpoints.AcceptsJson{T}"/>.
/// </summary>
public sealed class JsonBody<T>
    where T : class
{
    private JsonBody(T value) => Value = value;

    public T Value { get; }

    public static async ValueTask<JsonBody<T>?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        if (!context.Request.HasJsonContentType())
        {
            throw new ApiRequestException(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                "Send the request body as JSON with 'Content-Type: application/json'.");
        }

        // The body is at most ApiRequestLimits.MaxBodyBytes; buffering it lets a failure be explained.
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        T? value;
        try
        {
            value = JsonSerializer.Deserialize<T>(body.Span, options);
        }
        catch (JsonException exception)
        {
            throw ApiRequestException.FromJson(exception, body, typeof(T), options);
        }

        return new JsonBody<T>(value ?? throw new ApiRequestException(StatusCodes.Status400BadRequest, "The request body is empty", "Send a JSON object."));
    }
}

/// <summary>The type of an endpoint's <see cref="JsonBody{T}"/>, for the OpenAPI description.</summary>
public sealed record JsonBodyMetadata(Type Type);

public static class JsonBodyEndpoints
{
    /// <summary>
    /// Describes the endpoint's JSON body in the OpenAPI document. Unlike <c>Accepts&lt;T&gt;</c> this adds no
    /// content-type condition to routing, so a body of another type reaches <see cref="JsonBody{T}"/> and gets its 415.
    /// </summary>
    public static RouteHandlerBuilder AcceptsJson<T>(this RouteHandlerBuilder endpoint)
        where T : class => endpoint.WithMetadata(new JsonBodyMetadata(typeof(T)));
}
