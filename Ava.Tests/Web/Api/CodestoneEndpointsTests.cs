using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ava.Domain.ApiTokens;
using Ava.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Ava.Tests.Web.Api;

/// <summary>/api/v1/codestones against the real app.</summary>
[Collection(DashboardAppCollection.Name)]
public sealed class CodestoneEndpointsTests(AvaAppFactory app)
{
    private const string Codestones = "/api/v1/codestones";

    private static readonly object NewCodestone = new
    {
        title = "Retry with jittered backoff",
        language = "CSharp",
        code = "var delay = TimeSpan.FromSeconds(Math.Pow(2, attempt)) + jitter;",
        gitHubUrl = "https://github.com/example/retries/blob/main/Backoff.cs",
    };

    [Fact]
    public async Task List_FiltersByLanguage()
    {
        using var client = await ApiClient.ForAsync(app, AvaAppFactory.ViewerEmail);

        using var response = await client.GetAsync($"{Codestones}?language=python&pageSize=50", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var items = (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
        items.ShouldNotBeEmpty();
        items.ShouldAllBe(i => i.GetProperty("language").GetString() == "Python");
    }

    [Fact]
    public async Task List_Refuses400_ForAnUnknownLanguage()
    {
        using var client = await ApiClient.ForAsync(app, AvaAppFactory.ViewerEmail);

        using var response = await client.GetAsync($"{Codestones}?language=Cobol", TestContext.Current.CancellationToken);

        (await response.ReadProblemAsync(400)).FieldErrors("language")
            .ShouldBe(["'language' must be one of Python, JavaScript, TypeScript, CSharp, Rust, Go, Java, Other."]);
    }

    [Fact]
    public async Task Get_ReturnsTheCodestone_Or404()
    {
        using var client = await ApiClient.ForAsync(app, AvaAppFactory.ViewerEmail);

        using var found = await client.GetAsync($"{Codestones}/1", TestContext.Current.CancellationToken);
        using var missing = await client.GetAsync($"{Codestones}/987654", TestContext.Current.CancellationToken);

        found.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await found.ReadJsonAsync()).GetProperty("code").GetString().ShouldNotBeNullOrEmpty();
        await missing.ReadProblemAsync(404);
    }

    [Fact]
    public async Task Post_CreatesADraftCodestone_AuditedAsTheTokensUser()
    {
        using var client = await ApiClient.ForAsync(app, AvaAppFactory.DeveloperEmail);

        using var response = await client.PostJsonAsync(Codestones, NewCodestone);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = await response.ReadJsonAsync();
        created.GetProperty("reviewStatus").GetString().ShouldBe("Draft");
        created.GetProperty("author").GetString().ShouldBe(AvaAppFactory.DeveloperEmail);
        await using var db = app.OpenDatabase();
        var audit = await db.AuditEvents.SingleAsync(e => e.Resource == $"codestone/{created.GetProperty("id").GetInt64()}", TestContext.Current.CancellationToken);
        audit.Action.ShouldBe("codestone.created");
        audit.UserName.ShouldBe(AvaAppFactory.DeveloperEmail);
    }

    [Fact]
    public async Task Post_Refuses403ForAViewer_AndRecordsTheViolation()
    {
        using var client = await ApiClient.ForAsync(app, AvaAppFactory.ViewerEmail);
        var before = DateTimeOffset.UtcNow;

        using var response = await client.PostJsonAsync(Codestones, NewCodestone);

        await response.ReadProblemAsync(403);
        await using var db = app.OpenDatabase();
        (await db.AuditEvents.AnyAsync(
            e => e.Action == SecurityAuditActions.Violation && e.UserName == AvaAppFactory.ViewerEmail && e.Resource == $"endpoint:POST {Codestones}",
            TestContext.Current.CancellationToken)).ShouldBeTrue();
        (await db.AuditEvents.Where(e => e.Action == ApiTokenAuditActions.ApiWrite && e.UserName == AvaAppFactory.ViewerEmail).ToListAsync(TestContext.Current.CancellationToken))
            .ShouldNotContain(e => e.Timestamp >= before && e.Resource == $"POST {Codestones}" && e.Success);
    }

    [Fact]
    public async Task Post_Refuses400WithTheValidatorsMessages()
    {
        using var client = await ApiClient.ForAsync(app, AvaAppFactory.DeveloperEmail);

        using var response = await client.PostJsonAsync(Codestones, new { title = "Bad link", language = "Go", code = " ", gitHubUrl = "https://gitlab.com/x/y" });

        var problem = await response.ReadProblemAsync(400);
        problem.FieldErrors("code").ShouldBe(["Code is required."]);
        problem.FieldErrors("gitHubUrl").ShouldBe(["GitHub link must look like https://github.com/{owner}/{repo}, optionally followed by a path."]);
    }

    [Fact]
    public async Task Put_SavesWithTheCurrentVersion_AndRefuses409WithAStaleOne()
    {
        using var client = await ApiClient.ForAsync(app, AvaAppFactory.DeveloperEmail);
        using var creation = await client.PostJsonAsync(Codestones, NewCodestone);
        var codestone = await creation.ReadJsonAsync();
        var path = $"{Codestones}/{codestone.GetProperty("id").GetInt64()}";

        using var saved = await client.PutAsJsonAsync(path, Changed(codestone, "Review"), TestContext.Current.CancellationToken);
        using var stale = await client.PutAsJsonAsync(path, Changed(codestone, "Approved"), TestContext.Current.CancellationToken);

        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await saved.ReadJsonAsync()).GetProperty("reviewStatus").GetString().ShouldBe("Review");
        var conflict = await stale.ReadProblemAsync(409);
        conflict.GetProperty("current").GetProperty("reviewStatus").GetString().ShouldBe("Review");
    }

    private static object Changed(JsonElement codestone, string reviewStatus) => new
    {
        version = codestone.GetProperty("version").GetGuid(),
        title = codestone.GetProperty("title").GetString(),
        language = codestone.GetProperty("language").GetString(),
        code = codestone.GetProperty("code").GetString(),
        gitHubUrl = codestone.GetProperty("gitHubUrl").GetString(),
        reviewStatus,
    };
}
