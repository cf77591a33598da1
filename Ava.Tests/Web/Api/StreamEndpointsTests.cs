using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ava.Domain.ApiTokens;
using Ava.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Ava.Tests.Web.Api;

/// <summary>/api/v1/streams against the real app: the streams page's service, rules and audit, reached with a token.</summary>
[Collection(DashboardAppCollection.Name)]
public sealed class StreamEndpointsTests(AvaAppFactory app)
{
    private const string Streams = "/api/v1/streams";

    private static readonly object NewStream = new
    {
        title = "Queue depth alarm from the API",
        source = "Automated",
        priority = "High",
        summary = "## What\nThe queue grew past 10,000 messages.",
        eclScore = 0.4,
        tags = new[] { "queue", "alerting" },
    };

    [Fact]
    public async Task List_ReturnsOnePageWithTheFiltersApplied()
    {
        using var client = await ApiClient.ForAsync(app, AvaAppFactory.ViewerEmail);

        using var response = await client.GetAsync($"{Streams}?status=raw&pageSize=5&sortBy=UpdatedAt", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadJsonAsync();
        page.GetProperty("pageSize").GetInt32().ShouldBe(5);
        var items = page.GetProperty("items").EnumerateArray().ToList();
        items.Count.ShouldBe(5);
        items.ShouldAllBe(i => i.GetProperty("status").GetString() == "Raw");
        page.GetProperty("totalCount").GetInt32().ShouldBeGreaterThanOrEqualTo(5);
    }

    [Fact]
    public async Task List_Refuses400WithAMessagePerField_ForUnknownNamesAndAnOversizedPage()
    {
        using var client = await ApiClient.ForAsync(app, AvaAppFactory.ViewerEmail);

        using var response = await client.GetAsync($"{Streams}?source=Gitlab&sortBy=3&pageSize=500", TestContext.Current.CancellationToken);

        var problem = await response.ReadProblemAsync(400);
        problem.FieldErrors("source").ShouldBe(["'source' must be one of Claude, ChatGPT, GitHub, Manual, Automated."]);
        problem.FieldErrors("sortBy").ShouldBe(["'sortBy' must be one of CreatedAt, UpdatedAt, Title, Priority, EclScore."]);
        problem.FieldErrors("pageSize").ShouldBe(["'pageSize' must be from 1 to 200."]);
    }

    [Fact]
    public async Task Get_ReturnsTheStreamWithItsVersion_Or404()
    {
        using var client = await ApiClient.ForAsync(app, AvaAppFactory.ViewerEmail);

        using var found = await client.GetAsync($"{Streams}/1", TestContext.Current.CancellationToken);
        using var missing = await client.GetAsync($"{Streams}/987654", TestContext.Current.CancellationToken);

        found.StatusCode.ShouldBe(HttpStatusCode.OK);
        var stream = await found.ReadJsonAsync();
        stream.GetProperty("id").GetInt64().ShouldBe(1);
        stream.GetProperty("version").GetGuid().ShouldNotBe(Guid.Empty);
        (await missing.ReadProblemAsync(404)).GetProperty("detail").GetString().ShouldBe("Stream 987654 does not exist.");
    }

    [Fact]
    public async Task Post_RecordsTheServersCorrelationId_NeverTheOneTheClientSent()
    {
        var token = await ApiClient.CreateTokenAsync(app, AvaAppFactory.DeveloperEmail);
        using var client = ApiClient.WithToken(app, token.Secret);
        client.DefaultRequestHeaders.Add("X-Correlation-ID", "request-of-someone-else");

        using var response = await client.PostJsonAsync(Streams, NewStream);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var answered = response.Headers.GetValues("X-Correlation-ID").ShouldHaveSingleItem();
        answered.ShouldNotBe("request-of-someone-else");
        var id = (await response.ReadJsonAsync()).GetProperty("id").GetInt64();
        await using var db = app.OpenDatabase();
        var change = await db.AuditEvents.SingleAsync(e => e.Action == "stream.created" && e.Resource == $"stream/{id}", TestContext.Current.CancellationToken);
        change.CorrelationId.ShouldBe(answered);
        (await db.AuditEvents.CountAsync(e => e.CorrelationId == "request-of-someone-else", TestContext.Current.CancellationToken)).ShouldBe(0);
    }

    [Fact]
    public async Task Post_CreatesTheStream_AuditedAsTheTokensUser_WithTheTokenNamedInAnApiWriteEvent()
    {
        var token = await ApiClient.CreateTokenAsync(app, AvaAppFactory.DeveloperEmail);
        using var client = ApiClient.WithToken(app, token.Secret);

        using var response = await client.PostJsonAsync(Streams, NewStream);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = await response.ReadJsonAsync();
        var id = created.GetProperty("id").GetInt64();
        response.Headers.Location!.OriginalString.ShouldBe($"{Streams}/{id}");
        created.GetProperty("status").GetString().ShouldBe("Raw");
        created.GetProperty("createdBy").GetString().ShouldBe(AvaAppFactory.DeveloperEmail);

        await using var db = app.OpenDatabase();
        var change = await db.AuditEvents.SingleAsync(e => e.Action == "stream.created" && e.Resource == $"stream/{id}", TestContext.Current.CancellationToken);
        change.UserName.ShouldBe(AvaAppFactory.DeveloperEmail);
        var write = await db.AuditEvents.SingleAsync(e => e.Action == ApiTokenAuditActions.ApiWrite && e.CorrelationId == change.CorrelationId, TestContext.Current.CancellationToken);
        write.UserName.ShouldBe(AvaAppFactory.DeveloperEmail);
        write.Resource.ShouldBe($"POST {Streams}");
        write.Success.ShouldBeTrue();
        write.Metadata.ShouldNotBeNull().ShouldContain($"\"via\":\"api_token {token.Token.Prefix}\"");
        write.Metadata.ShouldNotContain(token.Secret);
    }

    [Fact]
    public async Task Post_Refuses403ForAViewer_AndRecordsTheAttemptAsASecurityViolation()
    {
        using var client = await ApiClient.ForAsync(app, AvaAppFactory.ViewerEmail);
        var before = DateTimeOffset.UtcNow;

        using var response = await client.PostJsonAsync(Streams, NewStream);

        await response.ReadProblemAsync(403);
        await using var db = app.OpenDatabase();
        var violations = await db.AuditEvents
            .Where(e => e.Action == SecurityAuditActions.Violation && e.UserName == AvaAppFactory.ViewerEmail && e.Resource == $"endpoint:POST {Streams}")
            .ToListAsync(TestContext.Current.CancellationToken);
        violations.ShouldContain(e => e.Timestamp >= before && e.Metadata!.Contains("update_streams"));
    }

    [Fact]
    public async Task Post_Refuses400WithTheValidatorsMessagePerField()
    {
        using var client = await ApiClient.ForAsync(app, AvaAppFactory.DeveloperEmail);

        using var response = await client.PostJsonAsync(Streams, new { title = "abc", source = "Manual", eclScore = 1.5, tags = new[] { "two words" } });

        var problem = await response.ReadProblemAsync(400);
        problem.FieldErrors("title").ShouldBe(["Title must be 5 to 200 characters; it has 3."]);
        problem.FieldErrors("eclScore").ShouldBe(["ECL score must be between 0.0 and 1.0."]);
        problem.FieldErrors("tags[0]").ShouldBe(["Tags are single words: letters, digits and . _ + # - only."]);
    }

    [Fact]
    public async Task Post_Refuses400NamingTheField_ForAnUnknownEnumName()
    {
        using var client = await ApiClient.ForAsync(app, AvaAppFactory.DeveloperEmail);

        using var response = await client.PostAsync(Streams, ApiClient.Json("""{"title":"Unknown source here","source":"Gitlab"}"""), TestContext.Current.CancellationToken);

        var problem = await response.ReadProblemAsync(400);
        problem.FieldErrors("source").ShouldBe(["'source' must be one of Claude, ChatGPT, GitHub, Manual, Automated."]);
    }

    [Fact]
    public async Task Post_Refuses400_ForMalformedJson_AndAMissingSource()
    {
        using var client = await ApiClient.ForAsync(app, AvaAppFactory.DeveloperEmail);

        using var malformed = await client.PostAsync(Streams, ApiClient.Json("""{"title": "Half a document","""), TestContext.Current.CancellationToken);
        using var missing = await client.PostJsonAsync(Streams, new { title = "Nothing says where from" });

        (await malformed.ReadProblemAsync(400)).GetProperty("title").GetString().ShouldBe("The request body is not valid JSON");
        (await missing.ReadProblemAsync(400)).FieldErrors("source").ShouldBe(["'source' is required."]);
    }

    [Fact]
    public async Task Post_Refuses415_ForABodyThatIsNotJson()
    {
        using var client = await ApiClient.ForAsync(app, AvaAppFactory.DeveloperEmail);

        using var response = await client.PostAsync(Streams, new FormUrlEncodedContent([new("title", "A form post")]), TestContext.Current.CancellationToken);

        await response.ReadProblemAsync(415);
    }

    [Fact]
    public async Task Post_Refuses413_ForABodyOverOneMebibyte()
    {
        using var client = await ApiClient.ForAsync(app, AvaAppFactory.DeveloperEmail);
        var summary = new string('x', 1024 * 1024);

        using var response = await client.PostJsonAsync(Streams, new { title = "Far too long a summary", source = "Manual", summary });

        (await response.ReadProblemAsync(413)).GetProperty("detail").GetString().ShouldBe("The API accepts request bodies of up to 1 MiB.");
    }

    [Fact]
    public async Task Put_SavesTheNewValues_WhenTheVersionIsCurrent()
    {
        using var client = await ApiClient.ForAsync(app, AvaAppFactory.DeveloperEmail);
        var stream = await CreateAsync(client);

        using var response = await client.PutAsJsonAsync($"{Streams}/{Id(stream)}", Changed(stream, "Queue depth alarm, now refined"), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var saved = await response.ReadJsonAsync();
        saved.GetProperty("title").GetString().ShouldBe("Queue depth alarm, now refined");
        saved.GetProperty("status").GetString().ShouldBe("Refined");
        saved.GetProperty("version").GetGuid().ShouldNotBe(stream.GetProperty("version").GetGuid());
    }

    [Fact]
    public async Task Put_Refuses409WithTheCurrentValues_WhenTheVersionIsStale()
    {
        using var client = await ApiClient.ForAsync(app, AvaAppFactory.DeveloperEmail);
        var stream = await CreateAsync(client);
        (await client.PutAsJsonAsync($"{Streams}/{Id(stream)}", Changed(stream, "The first editor's title"), TestContext.Current.CancellationToken))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        using var response = await client.PutAsJsonAsync($"{Streams}/{Id(stream)}", Changed(stream, "The stale editor's title"), TestContext.Current.CancellationToken);

        var problem = await response.ReadProblemAsync(409);
        problem.GetProperty("changedBy").GetString().ShouldBe(AvaAppFactory.DeveloperEmail);
        problem.GetProperty("current").GetProperty("title").GetString().ShouldBe("The first editor's title");
        problem.GetProperty("currentVersion").GetGuid().ShouldNotBe(stream.GetProperty("version").GetGuid());
    }

    [Fact]
    public async Task Put_Refuses404ForAMissingStream_And400ForMissingValues()
    {
        using var client = await ApiClient.ForAsync(app, AvaAppFactory.DeveloperEmail);
        var stream = await CreateAsync(client);

        using var missing = await client.PutAsJsonAsync($"{Streams}/987654", Changed(stream, "Nobody is home here"), TestContext.Current.CancellationToken);
        using var partial = await client.PutAsJsonAsync($"{Streams}/{Id(stream)}", new { title = "Only a title this time" }, TestContext.Current.CancellationToken);

        await missing.ReadProblemAsync(404);
        var problem = await partial.ReadProblemAsync(400);
        problem.FieldErrors("version").ShouldBe(["'version' is required."]);
        problem.FieldErrors("status").ShouldBe(["'status' is required."]);
    }

    private static long Id(JsonElement stream) => stream.GetProperty("id").GetInt64();

    private static object Changed(JsonElement stream, string title) => new
    {
        version = stream.GetProperty("version").GetGuid(),
        title,
        source = stream.GetProperty("source").GetString(),
        status = "Refined",
        priority = stream.GetProperty("priority").GetString(),
        summary = stream.GetProperty("summary").GetString(),
        tags = stream.GetProperty("tags"),
    };

    private static async Task<JsonElement> CreateAsync(HttpClient client)
    {
        using var response = await client.PostJsonAsync(Streams, NewStream);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return await response.ReadJsonAsync();
    }
}
