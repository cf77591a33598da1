using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing.Template;

namespace Ava.Dashboard.Api;

/// <summary>
/// The REST API under <see cref="ApiPaths.Root"/>: every endpoint needs an API token (except the
/// quick health check), its own permission policy on top, and spends the token's rate limit.
/// The endpoints call the same services as the pages, which check the permission again.
/// </summary>
internal static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(ApiPaths.Root)
            .RequireAuthorization(ApiTokenAuthentication.TokenPolicy);

        api.MapMeEndpoints();
        api.MapStreamEndpoints();
        api.MapCodestoneEndpoints();
        api.MapRecommendationEndpoints();
        api.MapChangeSetEndpoints();
        api.MapHealthEndpoints();
        api.MapOperationsEndpoints();
        api.MapPromptEndpoints();
        api.MapCommandEndpoints();
        api.MapBriefingEndpoints();
        api.MapCodeReviewEndpoints();

        // A token holder asking for a path or method that does not exist gets a problem, not the sign-in page's challenge.
        api.MapFallback("{**path}", (HttpContext context, EndpointDataSource endpoints) => NoSuchEndpoint(context, endpoints))
            .ExcludeFromDescription();

        endpoints.MapApiReference();
        return endpoints;
    }

    /// <summary>405 with the allowed methods when the path exists with other methods, otherwise 404 (an unknown path, or a value a route constraint refused).</summary>
    private static ProblemHttpResult NoSuchEndpoint(HttpContext context, EndpointDataSource endpoints)
    {
        var allowed = endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith(ApiPaths.Root, StringComparison.Ordinal) == true && e.Metadata.GetMetadata<HttpMethodMetadata>() is not null)
            .Where(e => new TemplateMatcher(TemplateParser.Parse(e.RoutePattern.RawText!), new RouteValueDictionary()).TryMatch(context.Request.Path, new RouteValueDictionary()))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods)
            .Distinct()
            .ToList();
        if (allowed.Count == 0 || allowed.Contains(context.Request.Method, StringComparer.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
                detail: $"There is no {context.Request.Path} in this API; the OpenAPI document lists every endpoint.");
        }

        context.Response.Headers.Allow = string.Join(", ", allowed);
        return TypedResults.Problem(statusCode: StatusCodes.Status405MethodNotAllowed, title: "Method not allowed",
            detail: $"{context.Request.Path} answers {string.Join(", ", allowed)}, not {context.Request.Method}.");
    }

    /// <summary>The error answers every token-protected endpoint can give.</summary>
    public static RouteHandlerBuilder ProducesApiErrors(this RouteHandlerBuilder endpoint) => endpoint
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
