using System.Text.Json.Serialization;
using Ava.Infrastructure.ChangeSets;

namespace Ava.Dashboard.Api;

internal static class ApiSetup
{
    /// <summary>The API's services: token authentication, rate limits, problem details, JSON with enum and change-target type names, the OpenAPI description.</summary>
    public static IServiceCollection AddDashboardApi(this IServiceCollection services)
    {
        // The correlation id is what the logs carry (X-Correlation-ID); every problem names it.
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c => c.ProblemDetails.Extensions["correlationId"] = c.HttpContext.TraceIdentifier);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            o.SerializerOptions.Converters.Add(new ChangeTargetTypeJsonConverter());
        });
        services.AddApiTokenAuthentication();
        services.AddApiRateLimits();
        services.AddApiDescription();
        return services;
    }
}
