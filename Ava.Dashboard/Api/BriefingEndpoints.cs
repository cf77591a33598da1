using Ava.Dashboard.Security;
using Ava.Domain.Briefings;
using Ava.Infrastructure.Briefings;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Ava.Dashboard.Api;

/// <summary>/api/v1/briefings: the same queries and service as /briefings.</summary>
internal static class BriefingEndpoints
{
    public static void MapBriefingEndpoints(this RouteGroupBuilder api)
    {
        var briefings = api.MapGroup("/briefings").WithTags("Briefings");

        briefings.MapGet("", ListAsync).RequireAuthorization(Policies.ViewDashboards)
            .WithName("ListBriefings").WithSummary("List morning briefings")
            .WithDescription("The current revision of each date, newest first, with an excerpt and the ratings; search matches words in the text. Needs view_dashboards.")
            .ProducesValidationProblem()
            .ProducesApiErrors();

        briefings.MapGet("/{date}", GetAsync).RequireAuthorization(Policies.ViewDashboards)
            .WithName("GetBriefing").WithSummary("Get a date's briefing")
            .WithDescription("The Markdown text (or an earlier revision with ?revision=n), its template version, run, provider, the streams it drew on, flagged inputs, the previous and next dates and the ratings. Needs view_dashboards.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesApiErrors();

        briefings.MapPut("/{date}/rating", RateAsync).RequireAuthorization(Policies.ViewDashboards)
            .AcceptsJson<BriefingRatingRequest>()
            .WithName("RateBriefing").WithSummary("Rate a date's briefing")
            .WithDescription("Sets the caller's 1–5 rating and optional comment, replacing their earlier one. Ratings are the satisfaction of the template version. Needs view_dashboards.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesApiErrors();

        briefings.MapPost("/{date}/regenerate", RegenerateAsync).RequireAuthorization(Policies.ExecuteCommands)
            .WithName("RegenerateBriefing").WithSummary("Write a date's briefing again")
            .WithDescription("Queues the morning-briefing workflow for the date, acting as the caller; the current text is kept as a superseded revision. 202 with the job and where to read the result. Needs execute_commands.")
            .Produces<BriefingRegeneration>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesApiErrors();
    }

    private static async Task<Ok<BriefingList>> ListAsync([AsParameters] BriefingListParameters parameters, BriefingQueries queries, CancellationToken cancellationToken)
    {
        var page = parameters.ToPage();
        var briefings = await queries.ListAsync(parameters.Search, page, cancellationToken);
        var items = briefings.Items.Select(b => new BriefingListItem(BriefingDates.Format(b.Date), b.Revision, b.Excerpt, b.GeneratedAt, b.IsOffline, b.Flagged, b.AverageStars, b.Ratings)).ToList();
        return TypedResults.Ok(new BriefingList(items, page.Page, page.Size, briefings.Total));
    }

    private static async Task<Results<Ok<BriefingResource>, ProblemHttpResult>> GetAsync(string date, [FromQuery] int? revision, BriefingQueries queries, CancellationToken cancellationToken)
    {
        var day = BriefingDates.Parse(date);
        return await queries.GetAsync(day, revision, cancellationToken) is { } briefing
            ? TypedResults.Ok(BriefingResource.From(briefing))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
                detail: revision is null ? $"There is no briefing for {date}." : $"The briefing for {date} has no revision {revision}.");
    }

    private static async Task<Ok<BriefingRatingResult>> RateAsync(string date, JsonBody<BriefingRatingRequest> body, BriefingService briefings, CancellationToken cancellationToken)
    {
        var day = BriefingDates.Parse(date);
        var values = new ApiValues();
        var stars = values.Required(body.Value.Stars, "stars");
        values.Check(body.Value.Stars is null or (>= BriefingRating.MinStars and <= BriefingRating.MaxStars), "stars", $"'stars' must be from {BriefingRating.MinStars} to {BriefingRating.MaxStars}.");
        values.Check(body.Value.Comment is not { Length: > BriefingRating.CommentMaxLength }, "comment", $"'comment' must be at most {BriefingRating.CommentMaxLength:N0} characters.");
        values.ThrowIfInvalid();
        var rating = await briefings.RateAsync(day, stars, body.Value.Comment, cancellationToken);
        return TypedResults.Ok(new BriefingRatingResult(date, rating.Stars, rating.Comment, rating.AverageStars, rating.Ratings));
    }

    private static async Task<Accepted<BriefingRegeneration>> RegenerateAsync(string date, BriefingService briefings, CancellationToken cancellationToken)
    {
        var day = BriefingDates.Parse(date);
        var request = await briefings.RegenerateAsync(day, cancellationToken);
        var location = $"{ApiPaths.Root}/briefings/{date}";
        return TypedResults.Accepted(location, new BriefingRegeneration(date, request.ReplacesRevision, request.JobId, location));
    }
}
