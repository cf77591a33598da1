using System.Net.Http.Headers;
using Ava.Infrastructure.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Ava.Infrastructure.Health;

/// <summary>
/// Whether an external API the dashboard works with (GitHub, Notion) accepts its token, asked with a call that
/// changes nothing and costs nothing. Without a token the service is "not configured", which is not a failure.
/// </summary>
internal sealed class ExternalApiHealthCheck(ExternalApiHealthCheck.Target target, IOptionsMonitor<IntegrationsOptions> options, IHttpClientFactory clients) : IHealthCheck
{
    public const string HttpClientName = "integration-health";
    public const string GitHubName = "github";
    public const string NotionName = "notion";

    /// <summary>What to ask and how to sign the request.</summary>
    public sealed record Target(string Title, string SettingKey, Func<IntegrationsOptions, ExternalApiOptions> Options, string ProbePath, Action<HttpRequestHeaders, string> Sign);

    public static readonly Target GitHub = new("GitHub", "Integrations:GitHub:Token", o => o.GitHub, "rate_limit", (headers, token) =>
    {
        headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        headers.Accept.ParseAdd("application/vnd.github+json");
        headers.UserAgent.ParseAdd("Ava-Prime-Dashboard");
    });

    public static readonly Target Notion = new("Notion", "Integrations:Notion:Token", o => o.Notion, "users/me", (headers, token) =>
    {
        headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        headers.Add("Notion-Version", "2022-06-28");
    });

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var api = target.Options(options.CurrentValue);
        if (string.IsNullOrWhiteSpace(api.Token))
        {
            return HealthCheckStates.NotConfigured($"Not configured: {target.SettingKey} is not set.");
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(api.ApiUrl!.TrimEnd('/') + "/"), target.ProbePath));
        target.Sign(request.Headers, api.Token);
        using var client = clients.CreateClient(HttpClientName);
        client.Timeout = TimeSpan.FromSeconds(10);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            var data = new Dictionary<string, object> { ["status"] = status };
            return response.IsSuccessStatusCode ? HealthCheckResult.Healthy($"{target.Title} accepts the token.", data)
                : status is 401 or 403 ? HealthCheckResult.Unhealthy($"{target.Title} refused the token ({status}).", data: data)
                : HealthCheckResult.Degraded($"{target.Title} answered {status}.", data: data);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"{target.Title} cannot be reached.", ex is TaskCanceledException ? null : ex);
        }
    }
}
