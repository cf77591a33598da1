using Ava.Dashboard.Api;
using Ava.Infrastructure.Health;

namespace Ava.Dashboard.Hosting;

/// <summary>
/// Counts every page and API request this host answers, and the server errors (5xx) among them, for the request
/// metrics and the error-rate alert. The circuit's connection, framework files, static files and the load
/// balancer's quick health check are left out: they would drown the requests people make.
/// </summary>
internal static class RequestTallyMiddleware
{
    public static IApplicationBuilder UseRequestTally(this IApplicationBuilder app)
    {
        var counter = app.ApplicationServices.GetRequiredService<RequestCounter>();
        return app.Use(async (context, next) =>
        {
            if (!Counts(context.Request.Path))
            {
                await next(context);
                return;
            }

            try
            {
                await next(context);
            }
            catch
            {
                // Unhandled here means the client gets a 500 (or a dropped connection).
                counter.Count(StatusCodes.Status500InternalServerError);
                throw;
            }

            counter.Count(context.Response.StatusCode);
        });
    }

    internal static bool Counts(PathString path) =>
        !path.StartsWithSegments("/_blazor") && !path.StartsWithSegments("/_framework") && !path.StartsWithSegments("/_content")
        && !path.StartsWithSegments("/health/quick") && !path.StartsWithSegments(ApiPaths.Root + "/health/quick")
        && (ApiPaths.IsApi(path) || !Path.HasExtension(path.Value));
}
