using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Ava.E2E.Infrastructure;
using Ava.Infrastructure.ApiTokens;

namespace Ava.Benchmarks;

/// <summary>
/// An Admin deciding over the REST API while others use the dashboard: recommendations are submitted by the demo
/// Developer (an approver never approves their own), then the demo Admin approves them one at a time, and each
/// approval is timed from the request to the response (the changeset is applied, audited and returned in that
/// time). The API tokens are made through the app's own token service on the dashboard's database.
/// </summary>
internal sealed class ApprovalDesk : IDisposable
{
    private readonly HttpClient _developer;
    private readonly HttpClient _admin;
    private long[] _streamIds = [];
    private int _submitted;

    private ApprovalDesk(Uri baseUrl, string developerToken, string adminToken)
    {
        _developer = Client(baseUrl, developerToken);
        _admin = Client(baseUrl, adminToken);
    }

    public static async Task<ApprovalDesk> OpenAsync(DashboardHost host)
    {
        string developerToken, adminToken;
        await using (var app = ServiceDatabase.Open(host.ConnectionString))
        {
            developerToken = await TokenAsync(app, "developer@ava.local");
            adminToken = await TokenAsync(app, "admin@ava.local");
        }

        var desk = new ApprovalDesk(host.BaseUrl, developerToken, adminToken);
        using var streams = await desk._developer.GetFromJsonAsync<JsonDocument>("api/v1/streams?pageSize=200")
            ?? throw new InvalidOperationException("The streams list was empty.");
        desk._streamIds = [.. streams.RootElement.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetInt64())];
        if (desk._streamIds.Length == 0)
        {
            throw new InvalidOperationException("The demo data has no streams to recommend changes to.");
        }

        return desk;
    }

    /// <summary>Submits <paramref name="count"/> ready recommendations (confidence 0.9, one stream's priority each) as the Developer.</summary>
    public async Task<IReadOnlyList<long>> SubmitAsync(int count)
    {
        var ids = new List<long>(count);
        for (var i = 0; i < count; i++)
        {
            var n = _submitted++;
            using var response = await _developer.PostAsJsonAsync("api/v1/recommendations", new
            {
                targetType = "stream",
                targetId = _streamIds[n % _streamIds.Length],
                changes = new[] { new { field = "priority", value = n % 2 == 0 ? "High" : "Low" } },
                rationale = "Concurrent-users benchmark: a one-field change to approve.",
                confidence = 0.9,
                source = "api:benchmark",
            });
            await EnsureAsync(response, "submitting a recommendation");
            using var created = await response.Content.ReadFromJsonAsync<JsonDocument>();
            ids.Add(created!.RootElement.GetProperty("id").GetInt64());
        }

        return ids;
    }

    /// <summary>
    /// Approves one recommendation as the Admin and times it to the response. A refusal or a timeout is an outcome
    /// too, timed to the failure, so it shows in the percentiles.
    /// </summary>
    public async Task<ApprovalOutcome> ApproveAsync(long recommendationId)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await _admin.PostAsync($"api/v1/recommendations/{recommendationId}/approve", content: null);
            var elapsed = watch.Elapsed.TotalMilliseconds;
            return response.IsSuccessStatusCode
                ? new ApprovalOutcome(elapsed, null)
                : new ApprovalOutcome(elapsed, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return new ApprovalOutcome(watch.Elapsed.TotalMilliseconds, ex.Message);
        }
    }

    public void Dispose()
    {
        _developer.Dispose();
        _admin.Dispose();
    }

    private static async Task<string> TokenAsync(ServiceDatabase app, string email) =>
        (await app.AsAsync<ApiTokenService, CreatedApiToken>(email, tokens => tokens.CreateAsync(new NewApiToken("concurrent-users benchmark", 1)))).Secret;

    private static HttpClient Client(Uri baseUrl, string token)
    {
        var client = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{what} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}

/// <summary>How long one approval took, and why it failed if it did.</summary>
internal sealed record ApprovalOutcome(double Milliseconds, string? Error);
