using Ava.Dashboard.Security;
using Ava.Infrastructure.Health;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ava.Dashboard.Api;

public sealed record QuickHealthResource(HealthStatus Status);

/// <summary>/api/v1/health: the quick check (anonymous), every check now, and a check's recorded history.</summary>
internal static class HealthEndpoints
{
    public static void MapHealthEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/health/quick", QuickAsync)
            .AllowAnonymous()
            .WithTags("Health")
            .WithName("QuickHealth")
            .WithSummary("Quick health")
            .WithDescription("200 when the database answers (Healthy or Degraded), 503 otherwise. No token needed.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapGet("/health", CheckAsync)
            .RequireAuthorization(Policies.ViewDashboards)
            .WithTags("Health")
            .WithName("GetHealth")
            .WithSummary("Every health check, now")
            .WithDescription("Runs every check (database, Hangfire, AI provider, disk, audit chain, stuck workflows, GitHub, Notion) and answers each one's status and duration; NotConfigured is a state, not a failure. With view_logs (Admins) also each one's description and when its status last changed (from the recorded history). Records nothing. Needs view_dashboards.")
            .ProducesApiErrors();

        api.MapGet("/health/history", HistoryAsync)
            .RequireAuthorization(Policies.ViewDashboards)
            .WithTags("Health")
            .WithName("GetHealthHistory")
            .WithSummary("A check's recorded history")
            .WithDescription("The samples the sample-health workflow recorded for check over the last hours (default 24, at most 168), oldest first: when, status, duration, and with view_logs the description. Needs view_dashboards.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesApiErrors();
    }

    private static async Task<Results<Ok<QuickHealthResource>, ProblemHttpResult>> QuickAsync(HealthCheckService health, HttpContext context, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(check => check.Tags.Contains(Infrastructure.DependencyInjection.QuickHealthTag), cancellationToken);
        context.Response.Headers.CacheControl = "no-store";
        return report.Status == HealthStatus.Unhealthy
            ? TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Unhealthy", detail: "A quick health check failed.")
            : TypedResults.Ok(new QuickHealthResource(report.Status));
    }

    private static async Task<Ok<HealthNow>> CheckAsync(HealthQueries health, HttpContext context, CancellationToken cancellationToken)
    {
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(await health.CheckNowAsync(cancellationToken));
    }

    private static async Task<Ok<IReadOnlyList<HealthHistoryPoint>>> HistoryAsync(
        [FromQuery] string? check, [FromQuery] int? hours, HealthQueries health, CancellationToken cancellationToken)
    {
        var values = new ApiValues();
        var name = values.RequiredText(check, "check");
        values.Check(hours is null or (>= 1 and <= HealthQueries.MaxHistoryHours), "hours", $"'hours' must be from 1 to {HealthQueries.MaxHistoryHours}.");
        values.ThrowIfInvalid();
        return TypedResults.Ok(await health.HistoryAsync(name, hours ?? 24, cancellationToken));
    }
}
