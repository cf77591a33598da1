using Ava.Dashboard.Security;
using Ava.Infrastructure.ChangeSets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ava.Dashboard.Api;

/// <summary>/api/v1/changesets: applied recommendations, their before and after state, and the all-or-nothing rollback.</summary>
internal static class ChangeSetEndpoints
{
    public static void MapChangeSetEndpoints(this RouteGroupBuilder api)
    {
        var changeSets = api.MapGroup("/changesets").WithTags("Changesets");

        changeSets.MapGet("", ListAsync)
            .RequireAuthorization(Policies.ViewApprovals)
            .WithName("ListChangeSets")
            .WithSummary("List changesets")
            .WithDescription("Newest first, filtered by status, approver, time and complexity. Needs run_ai_prompts or the approver capability.")
            .ProducesValidationProblem()
            .ProducesApiErrors();

        changeSets.MapGet("/{id:long}", GetAsync)
            .RequireAuthorization(Policies.ViewApprovals)
            .WithName("GetChangeSet")
            .WithSummary("Get a changeset")
            .WithDescription("Its records with the full before and after state of every entity. Needs run_ai_prompts or the approver capability.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesApiErrors();

        changeSets.MapPost("/{id:long}/rollback", RollbackAsync)
            .RequireAuthorization(Policies.ApproveAiRecommendations)
            .RequireRateLimiting(ApiRateLimits.DecisionPolicy)
            .AcceptsJson<ChangeSetRollbackRequest>()
            .WithName("RollBackChangeSet")
            .WithSummary("Roll back")
            .WithDescription("Restores every entity's before-state in one transaction, with a required reason. 409 when it was rolled back already, or when a field it wrote changed since (the body's 'conflicts' list each entity, field, value now and value written; nothing is changed). Needs the approver capability.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesApiErrors();
    }

    private static async Task<Ok<ChangeSetList>> ListAsync(
        [AsParameters] ChangeSetListParameters parameters, ChangeSetService service, ChangeTargets targets, CancellationToken cancellationToken)
    {
        var (query, request) = parameters.ToQuery(targets);
        var page = await service.ListAsync(query, request, cancellationToken);
        var items = page.Items.Select(c => new ChangeSetListItem(c.Id, c.RecommendationId, c.Status, c.Complexity, c.TargetType, c.TargetSummary, c.EntityCount,
            c.AppliedBy, c.AppliedAt, c.RolledBackBy, c.RolledBackAt)).ToList();
        return TypedResults.Ok(new ChangeSetList(items, request.Page, request.Size, page.Total));
    }

    private static async Task<Results<Ok<ChangeSetResource>, ProblemHttpResult>> GetAsync(long id, ChangeSetService service, CancellationToken cancellationToken) =>
        await service.GetAsync(id, cancellationToken) is { } changeSet
            ? TypedResults.Ok(ChangeSetResource.From(changeSet))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"Changeset {id} does not exist.");

    private static async Task<Ok<ChangeSetResource>> RollbackAsync(long id, JsonBody<ChangeSetRollbackRequest> body, ChangeSetService service, CancellationToken cancellationToken)
    {
        await service.RollbackAsync(id, body.Value.Reason ?? "", cancellationToken);
        return TypedResults.Ok(ChangeSetResource.From((await service.GetAsync(id, cancellationToken))!));
    }
}
