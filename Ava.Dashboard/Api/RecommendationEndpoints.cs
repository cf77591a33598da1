using Ava.Dashboard.Security;
using Ava.Domain.Recommendations;
using Ava.Infrastructure.Approvals;
using Ava.Infrastructure.ChangeSets;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ava.Dashboard.Api;

/// <summary>/api/v1/recommendations: the approvals page's services, so the same allow-list, bands, checks and audit.</summary>
internal static class RecommendationEndpoints
{
    public static void MapRecommendationEndpoints(this RouteGroupBuilder api)
    {
        var recommendations = api.MapGroup("/recommendations").WithTags("Recommendations");

        recommendations.MapGet("", ListAsync)
            .RequireAuthorization(Policies.ViewApprovals)
            .WithName("ListRecommendations")
            .WithSummary("List recommendations")
            .WithDescription("Newest first; pending unless a status is given. Needs run_ai_prompts or the approver capability.")
            .ProducesValidationProblem()
            .ProducesApiErrors();

        recommendations.MapGet("/{id:long}", GetAsync)
            .RequireAuthorization(Policies.ViewApprovals)
            .WithName("GetRecommendation")
            .WithSummary("Get a recommendation")
            .WithDescription("The recommendation, its decision, and while it is pending the preview of what approval would change. Needs run_ai_prompts or the approver capability.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesApiErrors();

        recommendations.MapPost("", SubmitAsync)
            .RequireAuthorization(Policies.RunAiPrompts)
            .AcceptsJson<RecommendationSubmitRequest>()
            .WithName("SubmitRecommendation")
            .WithSummary("Submit a recommendation")
            .WithDescription("Only allow-listed fields of streams and codestones; anything else is refused with a message naming it. Below the review threshold the recommendation is escalated to a helpdesk ticket at once. Nothing is applied until an approver approves. Needs run_ai_prompts.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesApiErrors();

        recommendations.MapPost("/{id:long}/approve", ApproveAsync)
            .RequireAuthorization(Policies.ApproveAiRecommendations)
            .RequireRateLimiting(ApiRateLimits.DecisionPolicy)
            .AcceptsJson<RecommendationApproveRequest>()
            .WithName("ApproveRecommendation")
            .WithSummary("Approve and apply")
            .WithDescription("Applies every change in one transaction through the entities' validators and returns the changeset. The body may be empty; a needs-review recommendation needs \"acknowledgeNeedsReview\": true. 409 when it was decided already; 422 when a change cannot be applied (nothing is written and the recommendation is Failed). Needs the approver capability.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesApiErrors();

        recommendations.MapPost("/{id:long}/reject", RejectAsync)
            .RequireAuthorization(Policies.ApproveAiRecommendations)
            .RequireRateLimiting(ApiRateLimits.DecisionPolicy)
            .AcceptsJson<RecommendationRejectRequest>()
            .WithName("RejectRecommendation")
            .WithSummary("Reject")
            .WithDescription("Rejects with a required reason. 409 when it was decided already. Needs the approver capability.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesApiErrors();

        recommendations.MapPost("/{id:long}/escalate", EscalateAsync)
            .RequireAuthorization(Policies.ApproveAiRecommendations)
            .RequireRateLimiting(ApiRateLimits.DecisionPolicy)
            .AcceptsJson<RecommendationEscalateRequest>()
            .WithName("EscalateRecommendation")
            .WithSummary("Escalate to the helpdesk")
            .WithDescription("Opens a helpdesk ticket AI-ESC-YYYYMMDD-XXXXXXXX with the full context and the priority of the urgency, and returns it. 409 when it was decided already. Needs the approver capability.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesApiErrors();
    }

    private static async Task<Ok<RecommendationList>> ListAsync(
        [AsParameters] RecommendationListParameters parameters, RecommendationQueries service, ChangeTargets targets, CancellationToken cancellationToken)
    {
        var (query, request) = parameters.ToQuery(targets);
        var page = await service.ListAsync(query, request, cancellationToken);
        var items = page.Items.Select(r => new RecommendationListItem(r.Id, r.Status, r.Band, r.Confidence, r.Source, r.TargetType, r.TargetSummary, r.ChangeSummary, r.CreatedAt, r.DecidedBy)).ToList();
        return TypedResults.Ok(new RecommendationList(items, request.Page, request.Size, page.Total, page.Counts));
    }

    private static async Task<Results<Ok<RecommendationResource>, ProblemHttpResult>> GetAsync(long id, RecommendationQueries service, CancellationToken cancellationToken) =>
        await service.GetAsync(id, cancellationToken) is { } recommendation
            ? TypedResults.Ok(RecommendationResource.From(recommendation))
            : NotFound(id);

    private static async Task<Created<RecommendationResource>> SubmitAsync(
        JsonBody<RecommendationSubmitRequest> body, RecommendationIntake intake, RecommendationQueries queries, CancellationToken cancellationToken)
    {
        var request = body.Value;
        var submission = request.ToSubmission();
        SubmissionResult submitted;
        try
        {
            submitted = await intake.SubmitAsync(submission, cancellationToken);
        }
        catch (InvalidValuesException invalid)
        {
            throw request.InRequestTerms(invalid);
        }

        var detail = await queries.GetAsync(submitted.Id, cancellationToken);
        return TypedResults.Created($"{ApiPaths.Root}/recommendations/{submitted.Id}", RecommendationResource.From(detail!));
    }

    private static async Task<Ok<ChangeSetResource>> ApproveAsync(
        long id, HttpContext context, RecommendationDecisions decisions, ChangeSetService changeSets, CancellationToken cancellationToken)
    {
        // The body is optional: an empty POST approves a ready recommendation.
        var hasBody = context.Request.ContentLength > 0 || (context.Request.ContentLength is null && context.Request.ContentType is not null);
        var request = hasBody ? (await JsonBody<RecommendationApproveRequest>.ReadAsync(context)).Value : new RecommendationApproveRequest(null);
        try
        {
            var changeSetId = await decisions.ApproveAsync(id, request.AcknowledgeNeedsReview == true, cancellationToken);
            return TypedResults.Ok(ChangeSetResource.From((await changeSets.GetAsync(changeSetId, cancellationToken))!));
        }
        catch (ReviewConfirmationRequiredException needsReview)
        {
            throw new InvalidValuesException(new Dictionary<string, string[]> { ["acknowledgeNeedsReview"] = [needsReview.Message] });
        }
    }

    private static async Task<Ok<RecommendationResource>> RejectAsync(
        long id, JsonBody<RecommendationRejectRequest> body, RecommendationDecisions decisions, RecommendationQueries queries, CancellationToken cancellationToken)
    {
        await decisions.RejectAsync(id, body.Value.Reason ?? "", cancellationToken);
        return TypedResults.Ok(RecommendationResource.From((await queries.GetAsync(id, cancellationToken))!));
    }

    private static async Task<Ok<TicketResource>> EscalateAsync(
        long id, JsonBody<RecommendationEscalateRequest> body, RecommendationDecisions decisions, TicketService tickets, CancellationToken cancellationToken)
    {
        var values = new ApiValues();
        var urgency = values.Required(body.Value.Urgency, "urgency");
        values.ThrowIfInvalid();
        var reference = await decisions.EscalateAsync(id, urgency, cancellationToken);
        var ticket = (await tickets.GetAsync(reference.Id, cancellationToken))!;
        return TypedResults.Ok(new TicketResource(ticket.Id, ticket.Number, ticket.Priority.ToString(), ticket.Status.ToString(), ticket.Subject, ticket.RecommendationId));
    }

    private static ProblemHttpResult NotFound(long id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"Recommendation {id} does not exist.");
}
