using Ava.Dashboard.Security;
using Ava.Domain.Codestones;
using Ava.Infrastructure.Codestones;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ava.Dashboard.Api;

/// <summary>/api/v1/codestones/{id}/reviews: the same review service and queries as the codestone page.</summary>
internal static class CodeReviewEndpoints
{
    public static void MapCodeReviewEndpoints(this RouteGroupBuilder api)
    {
        var reviews = api.MapGroup("/codestones/{id:long}/reviews").WithTags("Code reviews");

        reviews.MapPost("", RequestAsync).RequireAuthorization(Policies.RunAiPrompts)
            .WithName("RequestCodeReview").WithSummary("Ask for an AI review of a codestone")
            .WithDescription("Queues a code-review job acting as the caller; when it finishes, its recommendation (review status and ECL, confidence = ECL) is in the approval queue. 202 with where to follow it. Refused (422) while a review of the codestone waits. Needs run_ai_prompts.")
            .Produces<CodeReviewAccepted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesApiErrors();

        reviews.MapGet("", ListAsync).RequireAuthorization(Policies.ViewCodestones)
            .WithName("ListCodeReviews").WithSummary("List a codestone's reviews")
            .WithDescription("Newest first (at most 50), with their scores, findings and recommendations. Needs view_codestones.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesApiErrors();

        reviews.MapGet("/{reviewId:long}", GetAsync).RequireAuthorization(Policies.ViewCodestones)
            .WithName("GetCodeReview").WithSummary("Get one review")
            .WithDescription("One review of the codestone; poll it after asking for a review. Needs view_codestones.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesApiErrors();
    }

    private static async Task<Accepted<CodeReviewAccepted>> RequestAsync(long id, CodeReviewService reviews, CancellationToken cancellationToken)
    {
        var request = await reviews.RequestAsync(id, cancellationToken);
        var location = $"{ApiPaths.Root}/codestones/{id}/reviews/{request.ReviewId}";
        return TypedResults.Accepted(location, new CodeReviewAccepted(request.ReviewId, id, CodeReviewStatus.Queued, request.JobId, location));
    }

    private static async Task<Results<Ok<IReadOnlyList<CodeReviewResource>>, ProblemHttpResult>> ListAsync(
        long id, CodeReviewQueries queries, CodestoneService codestones, CancellationToken cancellationToken)
    {
        if (await codestones.GetAsync(id, cancellationToken) is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"Codestone {id} does not exist.");
        }

        var list = await queries.ListForCodestoneAsync(id, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<CodeReviewResource>>(list.Select(CodeReviewResource.From).ToList());
    }

    private static async Task<Results<Ok<CodeReviewResource>, ProblemHttpResult>> GetAsync(long id, long reviewId, CodeReviewQueries queries, CancellationToken cancellationToken) =>
        await queries.GetAsync(reviewId, cancellationToken) is { } review && review.CodestoneId == id
            ? TypedResults.Ok(CodeReviewResource.From(review))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"Codestone {id} has no review {reviewId}.");
}
