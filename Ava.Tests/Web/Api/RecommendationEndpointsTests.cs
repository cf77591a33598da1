using System.Net;
using System.Text.Json;
using Ava.Domain.Security;
using Microsoft.EntityFrameworkCore;

namespace Ava.Tests.Web.Api;

/// <summary>/api/v1/recommendations against the real app: the approvals page's services, reached with a token.</summary>
[Collection(DashboardAppCollection.Name)]
public sealed class RecommendationEndpointsTests(AvaAppFactory app)
{
    private const string Recommendations = "/api/v1/recommendations";

    [Fact]
    public async Task Submit_Returns201WithThePreview_AndTheQueueListsIt()
    {
        using var developer = await ApiClient.ForAsync(app, AvaAppFactory.DeveloperEmail);
        var stream = await ApiScenario.CreateStreamAsync(developer);

        using var response = await developer.PostJsonAsync(Recommendations, ApiScenario.Recommendation(stream, 0.9, ("status", "Refined"), ("tags", new[] { "queue", "resolved" })));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = await response.ReadJsonAsync();
        var id = created.GetProperty("id").GetInt64();
        response.Headers.Location!.ToString().ShouldBe($"{Recommendations}/{id}");
        created.GetProperty("status").GetString().ShouldBe("Pending");
        created.GetProperty("band").GetString().ShouldBe("Ready");
        var preview = created.GetProperty("preview")[0].GetProperty("fields").EnumerateArray()
            .Select(f => (f.GetProperty("field").GetString(), f.GetProperty("current").GetString(), f.GetProperty("proposed").GetString())).ToList();
        preview.ShouldBe([("status", "Raw", "Refined"), ("tags", "queue", "queue, resolved")]);
        using var list = await developer.GetAsync($"{Recommendations}?source=api:tests&pageSize=200", TestContext.Current.CancellationToken);
        (await list.ReadJsonAsync()).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ShouldContain(id);
    }

    [Fact]
    public async Task Submit_Refuses400NamingWhatIsNotAllowed()
    {
        using var developer = await ApiClient.ForAsync(app, AvaAppFactory.DeveloperEmail);
        var stream = await ApiScenario.CreateStreamAsync(developer);

        using var badField = await developer.PostJsonAsync(Recommendations, ApiScenario.Recommendation(stream, 0.9, ("status", "Refined"), ("source", "Claude")));
        using var badType = await developer.PostJsonAsync(Recommendations, new { targetType = "user", targetId = 1, changes = new[] { new { field = "role", value = "Admin" } }, rationale = "r", confidence = 0.9, source = "triage" });
        using var missing = await developer.PostJsonAsync(Recommendations, new { targetType = "stream", targetId = stream.Id, changes = new[] { new { field = "status", value = "Refined" } } });

        (await badField.ReadProblemAsync(400)).FieldErrors("changes[1]")
            .ShouldBe(["Field 'source' is not allowed on a stream; a recommendation may change title, status, priority, summary, ecl_score, tags."]);
        (await badType.ReadProblemAsync(400)).FieldErrors("targetType").ShouldBe(["Target type 'user' is not allowed; recommendations may change stream or codestone."]);
        var problem = await missing.ReadProblemAsync(400);
        problem.FieldErrors("confidence").ShouldBe(["'confidence' is required."]);
    }

    [Fact]
    public async Task Submit_Refuses403ForAViewer_AndRecordsTheViolation()
    {
        using var viewer = await ApiClient.ForAsync(app, AvaAppFactory.ViewerEmail);
        var before = DateTimeOffset.UtcNow;

        using var response = await viewer.PostJsonAsync(Recommendations, new { targetType = "stream", targetId = 1, changes = new[] { new { field = "status", value = "Refined" } }, rationale = "r", confidence = 0.9, source = "triage" });

        await response.ReadProblemAsync(403);
        await using var db = app.OpenDatabase();
        (await db.AuditEvents.AnyAsync(e => e.Action == SecurityAuditActions.Violation && e.UserName == AvaAppFactory.ViewerEmail
            && e.Resource == $"endpoint:POST {Recommendations}" && e.Timestamp >= before, TestContext.Current.CancellationToken)).ShouldBeTrue();
    }

    [Fact]
    public async Task Submit_EscalatesBelowTheReviewThreshold_WithATicket()
    {
        using var developer = await ApiClient.ForAsync(app, AvaAppFactory.DeveloperEmail);
        var stream = await ApiScenario.CreateStreamAsync(developer);

        using var response = await developer.PostJsonAsync(Recommendations, ApiScenario.Recommendation(stream, 0.2, ("priority", "Now")));

        var created = await response.ReadJsonAsync();
        created.GetProperty("status").GetString().ShouldBe("Escalated");
        created.GetProperty("ticketNumber").GetString().ShouldNotBeNull().ShouldMatch("^AI-ESC-[0-9]{8}-[0-9A-F]{8}$");
    }

    [Theory]
    [InlineData(AvaAppFactory.ViewerEmail)]
    [InlineData(AvaAppFactory.DeveloperEmail)]
    public async Task Approve_Refuses403_ForViewersAndDevelopers(string email)
    {
        using var developer = await ApiClient.ForAsync(app, AvaAppFactory.DeveloperEmail);
        var id = await ApiScenario.SubmitAsync(developer, await ApiScenario.CreateStreamAsync(developer), 0.9, ("status", "Refined"));
        using var caller = await ApiClient.ForAsync(app, email);

        using var response = await caller.PostJsonAsync($"{Recommendations}/{id}/approve", new { });

        await response.ReadProblemAsync(403);
        using var get = await developer.GetAsync($"{Recommendations}/{id}", TestContext.Current.CancellationToken);
        (await get.ReadJsonAsync()).GetProperty("status").GetString().ShouldBe("Pending");
    }

    [Fact]
    public async Task Approve_ReturnsTheChangeSet_ThenRefuses409_WhenApprovedAgain()
    {
        using var developer = await ApiClient.ForAsync(app, AvaAppFactory.DeveloperEmail);
        var stream = await ApiScenario.CreateStreamAsync(developer);
        var id = await ApiScenario.SubmitAsync(developer, stream, 0.9, ("status", "Refined"), ("priority", "High"));
        using var admin = await ApiClient.ForAsync(app, AvaAppFactory.AdminEmail);

        using var approved = await admin.PostAsync($"{Recommendations}/{id}/approve", null, TestContext.Current.CancellationToken);
        using var again = await admin.PostJsonAsync($"{Recommendations}/{id}/approve", new { });

        approved.StatusCode.ShouldBe(HttpStatusCode.OK);
        var changeSet = await approved.ReadJsonAsync();
        changeSet.GetProperty("recommendationId").GetInt64().ShouldBe(id);
        changeSet.GetProperty("complexity").GetString().ShouldBe("Simple");
        var record = changeSet.GetProperty("records")[0];
        record.GetProperty("changedFields").EnumerateArray().Select(f => f.GetString()).ShouldBe(["status", "priority"]);
        record.GetProperty("before").GetProperty("status").GetString().ShouldBe("Raw");
        record.GetProperty("after").GetProperty("status").GetString().ShouldBe("Refined");
        var conflict = await again.ReadProblemAsync(409);
        conflict.GetProperty("detail").GetString().ShouldStartWith($"Already approved by {AvaAppFactory.AdminEmail} at ");
    }

    [Fact]
    public async Task Approve_Needs400Acknowledgement_InTheNeedsReviewBand()
    {
        using var developer = await ApiClient.ForAsync(app, AvaAppFactory.DeveloperEmail);
        var id = await ApiScenario.SubmitAsync(developer, await ApiScenario.CreateStreamAsync(developer), 0.5, ("status", "Refined"));
        using var admin = await ApiClient.ForAsync(app, AvaAppFactory.AdminEmail);

        using var unconfirmed = await admin.PostJsonAsync($"{Recommendations}/{id}/approve", new { });
        using var confirmed = await admin.PostJsonAsync($"{Recommendations}/{id}/approve", new { acknowledgeNeedsReview = true });

        (await unconfirmed.ReadProblemAsync(400)).FieldErrors("acknowledgeNeedsReview").ShouldHaveSingleItem().ShouldStartWith("This recommendation needs review");
        confirmed.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Submit_Refuses400NamingTheField_WhenAProposedValueBreaksTheFieldsRules()
    {
        using var developer = await ApiClient.ForAsync(app, AvaAppFactory.DeveloperEmail);
        var stream = await ApiScenario.CreateStreamAsync(developer);

        using var tooLong = await developer.PostJsonAsync(Recommendations, ApiScenario.Recommendation(stream, 0.9, ("title", new string('x', 1_000_000))));
        using var infinite = await developer.PostJsonAsync(Recommendations, ApiScenario.Recommendation(stream, 0.9, ("ecl_score", "1e400")));

        (await tooLong.ReadProblemAsync(400)).FieldErrors("changes[0]").ShouldHaveSingleItem().ShouldContain("200");
        (await infinite.ReadProblemAsync(400)).FieldErrors("changes[0]").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Approve_Refuses422AndMarksItFailed_WhenAProposedValueIsInvalid()
    {
        using var developer = await ApiClient.ForAsync(app, AvaAppFactory.DeveloperEmail);
        var id = await ApiScenario.SubmitAsync(developer, await ApiScenario.CreateStreamAsync(developer), 0.9, ("title", "Hello there"));

        // Submission refuses such a value now; a recommendation recorded before that rule still meets the validator at approval.
        await using (var db = app.OpenDatabase())
        {
            await db.Database.ExecuteSqlAsync($"UPDATE Recommendations SET Changes = replace(Changes, '\"Hello there\"', '\"Hi\"') WHERE Id = {id}", TestContext.Current.CancellationToken);
        }

        using var admin = await ApiClient.ForAsync(app, AvaAppFactory.AdminEmail);

        using var response = await admin.PostJsonAsync($"{Recommendations}/{id}/approve", new { });

        (await response.ReadProblemAsync(422)).GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("Title must be 5 to 200 characters; it has 2.");
        using var get = await admin.GetAsync($"{Recommendations}/{id}", TestContext.Current.CancellationToken);
        (await get.ReadJsonAsync()).GetProperty("status").GetString().ShouldBe("Failed");
    }

    [Fact]
    public async Task Approve_GivesOne200AndNine409_WhenTenApproversApproveAtOnce()
    {
        using var developer = await ApiClient.ForAsync(app, AvaAppFactory.DeveloperEmail);
        var id = await ApiScenario.SubmitAsync(developer, await ApiScenario.CreateStreamAsync(developer), 0.9, ("status", "Refined"));
        var admins = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => ApiClient.ForAsync(app, AvaAppFactory.AdminEmail)));

        var responses = await Task.WhenAll(admins.Select(a => a.PostJsonAsync($"{Recommendations}/{id}/approve", new { })));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(9);
        await using var db = app.OpenDatabase();
        (await db.ChangeSets.CountAsync(c => c.RecommendationId == id, TestContext.Current.CancellationToken)).ShouldBe(1);
        foreach (var disposable in responses.Cast<IDisposable>().Concat(admins))
        {
            disposable.Dispose();
        }
    }

    [Fact]
    public async Task Reject_Needs400AReason_ThenRejects_AndAnApprovalGets409()
    {
        using var developer = await ApiClient.ForAsync(app, AvaAppFactory.DeveloperEmail);
        var id = await ApiScenario.SubmitAsync(developer, await ApiScenario.CreateStreamAsync(developer), 0.9, ("status", "Refined"));
        using var admin = await ApiClient.ForAsync(app, AvaAppFactory.AdminEmail);

        using var reasonless = await admin.PostJsonAsync($"{Recommendations}/{id}/reject", new { reason = " " });
        using var rejected = await admin.PostJsonAsync($"{Recommendations}/{id}/reject", new { reason = "Still under investigation." });
        using var approve = await admin.PostJsonAsync($"{Recommendations}/{id}/approve", new { });

        (await reasonless.ReadProblemAsync(400)).FieldErrors("reason").ShouldBe(["A reason is required to reject a recommendation."]);
        var body = await rejected.ReadJsonAsync();
        (body.GetProperty("status").GetString(), body.GetProperty("decisionReason").GetString()).ShouldBe(("Rejected", "Still under investigation."));
        (await approve.ReadProblemAsync(409)).GetProperty("detail").GetString().ShouldStartWith("Already rejected by");
    }

    [Fact]
    public async Task Escalate_ReturnsTheTicketWithTheMappedPriority_Or400WithoutAnUrgency()
    {
        using var developer = await ApiClient.ForAsync(app, AvaAppFactory.DeveloperEmail);
        var id = await ApiScenario.SubmitAsync(developer, await ApiScenario.CreateStreamAsync(developer), 0.8, ("status", "Refined"));
        using var admin = await ApiClient.ForAsync(app, AvaAppFactory.AdminEmail);

        using var missing = await admin.PostJsonAsync($"{Recommendations}/{id}/escalate", new { });
        using var unknown = await admin.PostJsonAsync($"{Recommendations}/{id}/escalate", new { urgency = "Whenever" });
        using var escalated = await admin.PostJsonAsync($"{Recommendations}/{id}/escalate", new { urgency = "High" });

        (await missing.ReadProblemAsync(400)).FieldErrors("urgency").ShouldBe(["'urgency' is required."]);
        (await unknown.ReadProblemAsync(400)).FieldErrors("urgency").ShouldHaveSingleItem().ShouldContain("Low, Medium, High, Critical");
        var ticket = await escalated.ReadJsonAsync();
        ticket.GetProperty("number").GetString().ShouldNotBeNull().ShouldMatch("^AI-ESC-[0-9]{8}-[0-9A-F]{8}$");
        ticket.GetProperty("priority").GetString().ShouldBe("High");
        ticket.GetProperty("recommendationId").GetInt64().ShouldBe(id);
    }

    [Fact]
    public async Task UnknownIds_Get404_AndNoToken_Gets401()
    {
        using var admin = await ApiClient.ForAsync(app, AvaAppFactory.AdminEmail);
        using var anonymous = ApiClient.WithToken(app, null);

        using var get = await admin.GetAsync($"{Recommendations}/987654", TestContext.Current.CancellationToken);
        using var approve = await admin.PostJsonAsync($"{Recommendations}/987654/approve", new { });
        using var list = await anonymous.GetAsync(Recommendations, TestContext.Current.CancellationToken);

        await get.ReadProblemAsync(404);
        await approve.ReadProblemAsync(404);
        await list.ReadProblemAsync(401);
    }

    [Theory]
    [InlineData("GET", "/api/v1/recommendations")]
    [InlineData("GET", "/api/v1/recommendations/1")]
    [InlineData("GET", "/api/v1/changesets")]
    [InlineData("GET", "/api/v1/changesets/1")]
    [InlineData("POST", "/api/v1/recommendations/1/reject")]
    [InlineData("POST", "/api/v1/recommendations/1/escalate")]
    [InlineData("POST", "/api/v1/changesets/1/rollback")]
    public async Task ApprovalEndpoints_Refuse403ForAViewer_And401WithoutAToken(string method, string path)
    {
        using var viewer = await ApiClient.ForAsync(app, AvaAppFactory.ViewerEmail);
        using var anonymous = ApiClient.WithToken(app, null);

        using var refused = await viewer.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? ApiClient.Json("{}") : null },
            TestContext.Current.CancellationToken);
        using var unauthenticated = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? ApiClient.Json("{}") : null },
            TestContext.Current.CancellationToken);

        await refused.ReadProblemAsync(403);
        await unauthenticated.ReadProblemAsync(401);
    }

    [Fact]
    public async Task Submit_Refuses400_ForNullEntriesAndValuesOfTheWrongShape()
    {
        using var developer = await ApiClient.ForAsync(app, AvaAppFactory.DeveloperEmail);

        using var nullChange = await developer.PostAsync(Recommendations, ApiClient.Json(
            """{"targetType":"stream","targetId":1,"changes":[null],"rationale":"r","confidence":0.9,"source":"triage"}"""), TestContext.Current.CancellationToken);
        using var nullTarget = await developer.PostAsync(Recommendations, ApiClient.Json(
            """{"targets":[null],"rationale":"r","confidence":0.9,"source":"triage"}"""), TestContext.Current.CancellationToken);
        using var objectValue = await developer.PostAsync(Recommendations, ApiClient.Json(
            """{"targetType":"stream","targetId":1,"changes":[{"field":"title","value":{"a":1}}],"rationale":"r","confidence":0.9,"source":"triage"}"""), TestContext.Current.CancellationToken);

        (await nullChange.ReadProblemAsync(400)).FieldErrors("changes[0]").ShouldBe(["'changes[0]' must be an object with field and value."]);
        (await nullTarget.ReadProblemAsync(400)).FieldErrors("targets[0]").ShouldBe(["'targets[0]' must be an object with targetType, targetId and changes."]);
        (await objectValue.ReadProblemAsync(400)).FieldErrors("changes[0].value").ShouldBe(["'changes[0].value' must be a string, a number, an array of strings or null."]);
    }

    [Fact]
    public async Task List_Refuses400_ForAPageBeyondTheLastPossibleOne()
    {
        using var developer = await ApiClient.ForAsync(app, AvaAppFactory.DeveloperEmail);

        using var response = await developer.GetAsync($"{Recommendations}?page=2147483647&pageSize=200", TestContext.Current.CancellationToken);

        (await response.ReadProblemAsync(400)).FieldErrors("page").ShouldBe(["'page' must be at most 10,737,418."]);
    }

    [Fact]
    public async Task List_Refuses400_ForAnUnknownBand()
    {
        using var developer = await ApiClient.ForAsync(app, AvaAppFactory.DeveloperEmail);

        using var response = await developer.GetAsync($"{Recommendations}?band=Maybe", TestContext.Current.CancellationToken);

        (await response.ReadProblemAsync(400)).FieldErrors("band").ShouldBe(["'band' must be one of Ready, NeedsReview, Escalated."]);
    }
}

/// <summary>Streams and recommendations made over the API, for the recommendation and changeset endpoint tests.</summary>
internal static class ApiScenario
{
    public sealed record CreatedStream(long Id, Guid Version);

    public static async Task<CreatedStream> CreateStreamAsync(HttpClient client)
    {
        using var response = await client.PostJsonAsync("/api/v1/streams", new
        {
            title = $"Queue backlog {Guid.NewGuid():N}"[..22],
            source = "Automated",
            summary = "## What\nThe queue grew past 10,000 messages.",
            tags = new[] { "queue" },
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await response.ReadJsonAsync();
        return new CreatedStream(body.GetProperty("id").GetInt64(), body.GetProperty("version").GetGuid());
    }

    public static object Recommendation(CreatedStream stream, double confidence, params (string Field, object Value)[] changes) => new
    {
        targetType = "stream",
        targetId = stream.Id,
        changes = changes.Select(c => new { field = c.Field, value = c.Value }).ToArray(),
        rationale = "The incident was closed yesterday.",
        confidence,
        source = "api:tests",
    };

    public static async Task<long> SubmitAsync(HttpClient client, CreatedStream stream, double confidence, params (string Field, object Value)[] changes)
    {
        using var response = await client.PostJsonAsync("/api/v1/recommendations", Recommendation(stream, confidence, changes));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return (await response.ReadJsonAsync()).GetProperty("id").GetInt64();
    }

    public static async Task<JsonElement> GetStreamAsync(HttpClient client, long id)
    {
        using var response = await client.GetAsync($"/api/v1/streams/{id}", TestContext.Current.CancellationToken);
        return await response.ReadJsonAsync();
    }
}
