using System.Globalization;
using Ava.Dashboard.Api;
using Ava.Dashboard.Security;
using Ava.Infrastructure.Configuration;
using Ava.Infrastructure.Settings;
using Microsoft.Extensions.Options;

namespace Ava.Dashboard.Hosting;

/// <summary>
/// The API side of maintenance mode and the feature flags, after authorization (the token's user is known):
/// during maintenance every token whose user may not work then gets 503 with Retry-After and a problem; a
/// switched-off capability's endpoints answer 403 with a problem saying who switched it off and when. The
/// quick health check stays anonymous and is never stopped. Pages do the same in the layout.
/// </summary>
internal static class OperationsGates
{
    public static IApplicationBuilder UseOperationsGates(this IApplicationBuilder app) =>
        app.UseWhen(context => ApiPaths.IsApi(context.Request.Path) && !context.Request.Path.StartsWithSegments(ApiPaths.Root + "/health/quick"), api => api.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated == true)
            {
                var maintenance = await context.RequestServices.GetRequiredService<MaintenanceState>().GetAsync(context.RequestAborted);
                if (maintenance.IsOn && !MaintenanceStatus.MayWorkDuring(context.User))
                {
                    await UnderMaintenance(context, maintenance).ExecuteAsync(context);
                    return;
                }

                if (CapabilityRoutes.ForApi(context.Request.Path, context.Request.Method) is { } capability &&
                    !await context.RequestServices.GetRequiredService<CapabilityGuard>().IsEnabledAsync(capability))
                {
                    var state = await context.RequestServices.GetRequiredService<CapabilityGuard>().StateAsync(capability);
                    await ApiErrors.ToResult(new CapabilitySwitchedOffException(state), context).ExecuteAsync(context);
                    return;
                }
            }

            await next(context);
        }));

    private static IResult UnderMaintenance(HttpContext context, MaintenanceStatus maintenance)
    {
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var retryAfter = maintenance.ExpectedEnd is { } end
            ? Math.Max(1, (int)Math.Ceiling((end - now).TotalSeconds))
            : context.RequestServices.GetRequiredService<IOptionsMonitor<MaintenanceOptions>>().CurrentValue.RetryAfterSeconds;
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Under maintenance",
            detail: maintenance.Message,
            extensions: new Dictionary<string, object?> { ["startedAt"] = maintenance.StartedAt, ["expectedEnd"] = maintenance.ExpectedEnd });
    }
}
