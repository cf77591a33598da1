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

    public static ValueTask<JsonBody<T>> BindAsync(HttpContext context, ParameterInfo parameter) => ReadAsync(context);

    /// <summary>Reads the request's body; for endpoints whose body is optional and that check for one first.</summary>
    public static async ValueTask<JsonBody<T>> ReadAsync(HttpContext context)
    {
        if (!context.Request.HasJsonContentType())
        {
            throw new ApiRequestException(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                "Send the request body as JSON with 'Content-Type: application/json'.");
        }

        // Buffered (at most ApiErrors.MaxBodyBytes) so that a failure can be explained.
        var body = await ReadAtMostAsync(context.Request.Body, ApiErrors.MaxBodyBytes, context.RequestAborted);
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

    /// <summary>Reads the body, refusing it with 413 as soon as it passes <paramref name="limit"/> (a body without a length, or a host that does not enforce one).</summary>
    private static async Task<ReadOnlyMemory<byte>> ReadAtMostAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw new BadHttpRequestException("The request body is too large.", StatusCodes.Status413PayloadTooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
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
