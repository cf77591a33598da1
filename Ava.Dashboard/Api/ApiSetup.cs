using System.Text.Json.Serialization;

namespace Ava.Dashboard.Api;

internal static class ApiSetup
{
    /// <summary>The API's services: token authentication, rate limits, problem details, JSON with enum names, the OpenAPI description.</summary>
    public static IServiceCollection AddDashboardApi(this IServiceCollection services)
    {
        // The correlation id is what the logs carry (X-Correlation-ID); every problem names it.
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c => c.ProblemDetails.Extensions["correlationId"] = c.HttpContext.TraceIdentifier);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false)));
        services.AddApiTokenAuthentication();
        services.AddApiRateLimits();
        services.AddApiDescription();
        return services;
    }
}
