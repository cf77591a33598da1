using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Ava.Infrastructure.ApiTokens;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Tests.Web.Api;

/// <summary>HTTP clients of the REST API that authenticate with a personal access token, and helpers to read its answers.</summary>
public static class ApiClient
{
    /// <summary>Creates a token through the real service, as <paramref name="email"/> would on the account page.</summary>
    public static async Task<CreatedApiToken> CreateTokenAsync(AvaAppFactory app, string email, string name = "test token", int? expiresInDays = 30)
    {
        await using var scope = await CallerScope.CreateAsync(app.Services, email);
        return await scope.ServiceProvider.GetRequiredService<ApiTokenService>().CreateAsync(new NewApiToken(name, expiresInDays));
    }

    /// <summary>A client that sends <paramref name="token"/> as a bearer token and no cookies.</summary>
    public static HttpClient WithToken(AvaAppFactory app, string? token)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>A client with a fresh token of <paramref name="email"/>.</summary>
    public static async Task<HttpClient> ForAsync(AvaAppFactory app, string email) =>
        WithToken(app, (await CreateTokenAsync(app, email)).Secret);

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body) =>
        client.PostAsJsonAsync(path, body, TestContext.Current.CancellationToken);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string path, object body) =>
        client.PutAsJsonAsync(path, body, TestContext.Current.CancellationToken);

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The body as an RFC 9457 problem with the expected status; fails the test otherwise.</summary>
    public static async Task<JsonElement> ReadProblemAsync(this HttpResponseMessage response, int status)
    {
        ((int)response.StatusCode).ShouldBe(status, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = await response.ReadJsonAsync();
        problem.GetProperty("status").GetInt32().ShouldBe(status);
        return problem;
    }

    /// <summary>The messages a validation problem gives for one field.</summary>
    public static string[] FieldErrors(this JsonElement problem, string field) =>
        problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!).ToArray();
}
