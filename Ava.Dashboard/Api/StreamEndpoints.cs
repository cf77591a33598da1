using Ava.Dashboard.Security;
using Ava.Infrastructure.Streams;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ava.Dashboard.Api;

/// <summary>/api/v1/streams: the same StreamService as the streams page, so the same rules, checks and audit.</summary>
internal static class StreamEndpoints
{
    public static void MapStreamEndpoints(this RouteGroupBuilder api)
    {
        var streams = api.MapGroup("/streams").WithTags("Streams");

        streams.MapGet("", ListAsync)
            .RequireAuthorization(Policies.ViewStreams)
            .WithName("ListStreams")
            .WithSummary("List streams")
            .WithDescription("One page of streams with the streams page's filters and sorts. Needs view_streams.")
            .ProducesValidationProblem()
            .ProducesApiErrors();

        streams.MapGet("/{id:long}", GetAsync)
            .RequireAuthorization(Policies.ViewStreams)
            .WithName("GetStream")
            .WithSummary("Get a stream")
            .WithDescription("One stream with its summary and the version a change must carry. Needs view_streams.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesApiErrors();

        streams.MapPost("", CreateAsync)
            .RequireAuthorization(Policies.UpdateStreams)
            .AcceptsJson<StreamCreateRequest>()
            .WithName("CreateStream")
            .WithSummary("Create a stream")
            .WithDescription("Validated like the edit form; audited as stream.created. Needs update_streams.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesApiErrors();

        streams.MapPut("/{id:long}", UpdateAsync)
            .RequireAuthorization(Policies.UpdateStreams)
            .AcceptsJson<StreamUpdateRequest>()
            .WithName("UpdateStream")
            .WithSummary("Change a stream")
            .WithDescription("Replaces the stream's values when it still has the given version; otherwise 409 with who changed it and the current values. Audited as stream.updated with the changed fields. Needs update_streams.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesApiErrors();
    }

    private static async Task<Ok<StreamList>> ListAsync([AsParameters] StreamListParameters parameters, StreamService streams, CancellationToken cancellationToken)
    {
        var query = parameters.ToQuery();
        var page = await streams.ListAsync(query, cancellationToken);
        var items = page.Items.Select(r => new StreamListItem(r.Id, r.Title, r.Source, r.Status, r.Priority, r.EclScore, r.Tags, r.CreatedAt, r.UpdatedAt)).ToList();
        return TypedResults.Ok(new StreamList(items, query.Page, query.PageSize, Math.Min(page.Total, StreamService.CountLimit), page.IsTotalCapped));
    }

    private static async Task<Results<Ok<StreamResource>, ProblemHttpResult>> GetAsync(long id, StreamService streams, CancellationToken cancellationToken) =>
        await streams.GetAsync(id, cancellationToken) is { } stream
            ? TypedResults.Ok(StreamResource.From(stream))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"Stream {id} does not exist.");

    private static async Task<Created<StreamResource>> CreateAsync(JsonBody<StreamCreateRequest> body, StreamService streams, CancellationToken cancellationToken)
    {
        var created = await streams.CreateAsync(body.Value.ToValues(), cancellationToken);
        return TypedResults.Created($"{ApiPaths.Root}/streams/{created.Id}", StreamResource.From(created));
    }

    private static async Task<Ok<StreamResource>> UpdateAsync(long id, JsonBody<StreamUpdateRequest> body, StreamService streams, CancellationToken cancellationToken)
    {
        var (values, version) = body.Value.ToChange();
        return TypedResults.Ok(StreamResource.From(await streams.UpdateAsync(id, values, version, cancellationToken)));
    }
}
