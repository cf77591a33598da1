using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Tests.Web.Api;

/// <summary>The OpenAPI description and the Scalar reference: complete, and for signed-in users or tokens only.</summary>
[Collection(DashboardAppCollection.Name)]
public sealed partial class OpenApiDocumentTests(AvaAppFactory app)
{
    private const string Document = "/openapi/v1.json";

    [Fact]
    public async Task Document_DescribesEveryApiEndpoint()
    {
        using var client = await ApiClient.ForAsync(app, AvaAppFactory.ViewerEmail);
        var paths = (await ReadDocumentAsync(client)).GetProperty("paths");

        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/v1/", StringComparison.Ordinal))
            .Select(e => (Path: RouteConstraint().Replace(e.RoutePattern.RawText!, "{$1}").TrimEnd('/'), Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods))
            .Where(e => e.Methods is not null)
            .SelectMany(e => e.Methods!.Select(m => (e.Path, Method: m.ToLowerInvariant())))
            .ToList();

        endpoints.Count.ShouldBeGreaterThanOrEqualTo(10);
        foreach (var (path, method) in endpoints)
        {
            paths.TryGetProperty(path, out var operations).ShouldBeTrue($"{path} is missing from the document");
            operations.TryGetProperty(method, out _).ShouldBeTrue($"{method.ToUpperInvariant()} {path} is missing from the document");
        }
    }

    [Fact]
    public async Task Document_DescribesBearerTokens_BodiesAndProblems()
    {
        using var client = await ApiClient.ForAsync(app, AvaAppFactory.ViewerEmail);
        var document = await ReadDocumentAsync(client);

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        scheme.GetProperty("type").GetString().ShouldBe("http");
        scheme.GetProperty("scheme").GetString().ShouldBe("bearer");
        var create = document.GetProperty("paths").GetProperty("/api/v1/streams").GetProperty("post");
        create.GetProperty("security").GetArrayLength().ShouldBe(1);
        create.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema")
            .GetProperty("properties").TryGetProperty("source", out _).ShouldBeTrue();
        create.GetProperty("responses").EnumerateObject().Select(r => r.Name).ShouldBe(["201", "400", "401", "403", "413", "415", "429"], ignoreOrder: true);
        var health = document.GetProperty("paths").GetProperty("/api/v1/health/quick").GetProperty("get");
        health.TryGetProperty("security", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Document_DescribesAChangeTargetTypeAsOneOfTheCatalogueNames()
    {
        using var client = await ApiClient.ForAsync(app, AvaAppFactory.ViewerEmail);
        var schemas = (await ReadDocumentAsync(client)).GetProperty("components").GetProperty("schemas");

        var targetType = schemas.GetProperty("RecommendationListItem").GetProperty("properties").GetProperty("targetType");
        if (targetType.TryGetProperty("$ref", out var reference))
        {
            targetType = schemas.GetProperty(reference.GetString()!.Split('/')[^1]);
        }

        targetType.GetProperty("type").GetString().ShouldBe("string");
        targetType.GetProperty("enum").EnumerateArray().Select(e => e.GetString()).ShouldBe(["stream", "codestone"]);
    }

    [Fact]
    public async Task Document_SendsAnonymousVisitorsToSignIn_AndOpensForASignedInUser()
    {
        using var anonymous = SignedInClient.Anonymous(app);
        using var browser = await SignedInClient.CreateAsync(app, AvaAppFactory.ViewerEmail);

        using var refused = await anonymous.GetAsync(Document, TestContext.Current.CancellationToken);
        using var opened = await browser.GetAsync(Document, TestContext.Current.CancellationToken);

        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        new Uri(anonymous.BaseAddress!, refused.Headers.Location!).AbsolutePath.ShouldBe(SignInForm.Path);
        opened.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Reference_OpensForASignedInUser_WithItsInlineScriptsAllowedByNonceOnly()
    {
        using var browser = await SignedInClient.CreateAsync(app, AvaAppFactory.ViewerEmail);

        using var page = await browser.GetAsync("/api/reference/", TestContext.Current.CancellationToken);
        using var bundle = await browser.GetAsync("/api/reference/scalar.js", TestContext.Current.CancellationToken);

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var nonce = WebUtility.HtmlDecode(NonceAttribute().Match(html).Groups["nonce"].Value);
        nonce.ShouldNotBeNullOrEmpty();
        var scripts = page.Headers.GetValues("Content-Security-Policy").Single().Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        scripts.ShouldBe($"script-src 'self' 'nonce-{nonce}'");
        bundle.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<JsonElement> ReadDocumentAsync(HttpClient client)
    {
        using var response = await client.GetAsync(Document, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.ReadJsonAsync();
    }

    [GeneratedRegex(@"\{(\w+):[^}]+\}")]
    private static partial Regex RouteConstraint();

    [GeneratedRegex("""nonce="(?<nonce>[^"]+)""")]
    private static partial Regex NonceAttribute();
}
