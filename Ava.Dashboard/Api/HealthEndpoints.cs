using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ava.Dashboard.Api;

public sealed record QuickHealthResource(HealthStatus Status);

/// <summary>/api/v1/health/quick: the same checks as /health/quick, for clients that speak the API.</summary>
internal static class HealthEndpoints
{
    public static void MapHealthEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/health/quick", QuickAsync)
            .AllowAnonymous()
            .WithTags("Health")
            .WithName("QuickHealth")
            .WithSummary("Quick health")
            .WithDescription("200 when the database answers (Healthy or Degraded), 503 otherwise. No token needed.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static async Task<Results<Ok<QuickHealthResource>, ProblemHttpResult>> QuickAsync(HealthCheckService health, HttpContext context, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(check => check.Tags.Contains(Infrastructure.DependencyInjection.QuickHealthTag), cancellationToken);
        context.Response.Headers.CacheControl = "no-store";
        return report.Status == HealthStatus.Unhealthy
            ? TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Unhealthy", detail: "A quick health check failed.")
            : TypedResults.Ok(new QuickHealthResource(report.Status));
    }
}
