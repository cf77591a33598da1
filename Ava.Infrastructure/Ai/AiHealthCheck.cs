using System.Net.Http.Headers;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Ava.Infrastructure.Ai;

/// <summary>
/// Whether the configured model can be reached, without spending a token: the offline generator is
/// always there ("not configured" is a state, not a failure); a provider is asked for its model list.
/// </summary>
internal sealed class AiHealthCheck(IOptions<AiOptions> options, IHttpClientFactory clients) : IHealthCheck
{
    public const string Name = "ai-provider";
    public const string HttpClientName = "ai-health";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var ai = options.Value;
        var data = new Dictionary<string, object> { ["provider"] = ai.Provider.ToString() };
        if (ai.Provider == AiProviderKind.Offline)
        {
            data[Health.HealthCheckStates.ConfiguredKey] = false;
            return HealthCheckResult.Healthy("No model is configured (Ai:Provider is Offline); the offline generator answers.", data);
        }

        using var request = ModelsRequest(ai);
        using var client = clients.CreateClient(HttpClientName);
        client.Timeout = TimeSpan.FromSeconds(Math.Min(10, ai.TimeoutSeconds));
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            data["status"] = (int)response.StatusCode;
            var managedIdentity = ai.Provider == AiProviderKind.AzureOpenAI && string.IsNullOrWhiteSpace(ai.AzureOpenAI.ApiKey);
            return response.IsSuccessStatusCode
                ? HealthCheckResult.Healthy($"{AiProvider.DisplayNameOf(ai.Provider)} answers.", data)
                : (int)response.StatusCode is 401 or 403 && managedIdentity
                    ? HealthCheckResult.Healthy($"{AiProvider.DisplayNameOf(ai.Provider)} answers (managed identity: its token is requested on the first call).", data)
                    : (int)response.StatusCode is 401 or 403
                        ? HealthCheckResult.Unhealthy($"{AiProvider.DisplayNameOf(ai.Provider)} refused the key ({(int)response.StatusCode}).", data: data)
                        : HealthCheckResult.Degraded($"{AiProvider.DisplayNameOf(ai.Provider)} answered {(int)response.StatusCode}.", data: data);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"{AiProvider.DisplayNameOf(ai.Provider)} cannot be reached.", ex is TaskCanceledException ? null : ex, data);
        }
    }

    private static HttpRequestMessage ModelsRequest(AiOptions ai)
    {
        if (ai.Provider == AiProviderKind.AzureOpenAI)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(ai.AzureOpenAI.Endpoint!.TrimEnd('/') + "/"), "openai/models?api-version=2024-10-21"));
            if (!string.IsNullOrWhiteSpace(ai.AzureOpenAI.ApiKey))
            {
                request.Headers.Add("api-key", ai.AzureOpenAI.ApiKey);
            }

            return request;
        }

        var endpoint = string.IsNullOrWhiteSpace(ai.OpenAI.Endpoint) ? "https://api.openai.com/v1" : ai.OpenAI.Endpoint;
        var models = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(endpoint.TrimEnd('/') + "/"), "models"));
        if (!string.IsNullOrWhiteSpace(ai.OpenAI.ApiKey))
        {
            models.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ai.OpenAI.ApiKey);
        }

        return models;
    }
}
