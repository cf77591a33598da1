using Ava.Dashboard.Security;
using Ava.Infrastructure.Codestones;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ava.Dashboard.Api;

/// <summary>/api/v1/codestones: the same CodestoneService as the codestones page.</summary>
internal static class CodestoneEndpoints
{
    public static void MapCodestoneEndpoints(this RouteGroupBuilder api)
    {
        var codestones = api.MapGroup("/codestones").WithTags("Codestones");

        codestones.MapGet("", ListAsync)
            .RequireAuthorization(Policies.ViewCodestones)
            .WithName("ListCodestones")
            .WithSummary("List codestones")
            .WithDescription("One page of codestones with the codestones page's filters and sorts. Needs view_codestones.")
            .ProducesValidationProblem()
            .ProducesApiErrors();

        codestones.MapGet("/{id:long}", GetAsync)
            .RequireAuthorization(Policies.ViewCodestones)
            .WithName("GetCodestone")
            .WithSummary("Get a codestone")
            .WithDescription("One codestone with its code and the version a change must carry. Needs view_codestones.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesApiErrors();

        codestones.MapPost("", CreateAsync)
            .RequireAuthorization(Policies.CreateCodestones)
            .AcceptsJson<CodestoneCreateRequest>()
            .WithName("CreateCodestone")
            .WithSummary("Create a codestone")
            .WithDescription("Validated like the edit form; audited as codestone.created. Needs create_codestones.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesApiErrors();

        codestones.MapPut("/{id:long}", UpdateAsync)
            .RequireAuthorization(Policies.CreateCodestones)
            .AcceptsJson<CodestoneUpdateRequest>()
            .WithName("UpdateCodestone")
            .WithSummary("Change a codestone")
            .WithDescription("Replaces the codestone's values when it still has the given version; otherwise 409 with who changed it and the current values. Audited as codestone.updated. Needs create_codestones.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesApiErrors();
    }

    private static async Task<Ok<CodestoneList>> ListAsync([AsParameters] CodestoneListParameters parameters, CodestoneService codestones, CancellationToken cancellationToken)
    {
        var query = parameters.ToQuery();
        var page = await codestones.ListAsync(query, cancellationToken);
        var items = page.Items.Select(r => new CodestoneListItem(r.Id, r.Title, r.Language, r.ReviewStatus, r.EclScore, r.Author, r.UpdatedAt)).ToList();
        return TypedResults.Ok(new CodestoneList(items, query.Page, query.PageSize, page.Total));
    }

    private static async Task<Results<Ok<CodestoneResource>, ProblemHttpResult>> GetAsync(long id, CodestoneService codestones, CancellationToken cancellationToken) =>
        await codestones.GetAsync(id, cancellationToken) is { } codestone
            ? TypedResults.Ok(CodestoneResource.From(codestone))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"Codestone {id} does not exist.");

    private static async Task<Created<CodestoneResource>> CreateAsync(JsonBody<CodestoneCreateRequest> body, CodestoneService codestones, CancellationToken cancellationToken)
    {
        var created = await codestones.CreateAsync(body.Value.ToValues(), cancellationToken);
        return TypedResults.Created($"{ApiPaths.Root}/codestones/{created.Id}", CodestoneResource.From(created));
    }

    private static async Task<Ok<CodestoneResource>> UpdateAsync(long id, JsonBody<CodestoneUpdateRequest> body, CodestoneService codestones, CancellationToken cancellationToken)
    {
        var (values, version) = body.Value.ToChange();
        return TypedResults.Ok(CodestoneResource.From(await codestones.UpdateAsync(id, values, version, cancellationToken)));
    }
}
