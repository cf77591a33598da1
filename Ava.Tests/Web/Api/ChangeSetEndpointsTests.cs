using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace Ava.Tests.Web.Api;

/// <summary>/api/v1/changesets against the real app: list, get, and the all-or-nothing rollback.</summary>
[Collection(DashboardAppCollection.Name)]
public sealed class ChangeSetEndpointsTests(AvaAppFactory app)
{
    private const string ChangeSets = "/api/v1/changesets";

    [Fact]
    public async Task ListAndGet_ShowTheChangeSetWithItsRecords_Or404()
    {
        var (developer, admin, stream, changeSetId) = await AppliedAsync(("priority", "High"));

        using var list = await developer.GetAsync($"{ChangeSets}?status=Applied&appliedBy={AvaAppFactory.AdminEmail}&complexity=Simple&pageSize=200", TestContext.Current.CancellationToken);
        using var get = await developer.GetAsync($"{ChangeSets}/{changeSetId}", TestContext.Current.CancellationToken);
        using var missing = await developer.GetAsync($"{ChangeSets}/987654", TestContext.Current.CancellationToken);

        (await list.ReadJsonAsync()).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ShouldContain(changeSetId);
        var record = (await get.ReadJsonAsync()).GetProperty("records")[0];
        record.GetProperty("entityId").GetInt64().ShouldBe(stream.Id);
        (record.GetProperty("before").GetProperty("priority").GetString(), record.GetProperty("after").GetProperty("priority").GetString()).ShouldBe(("Normal", "High"));
        await missing.ReadProblemAsync(404);
        developer.Dispose();
        admin.Dispose();
    }

    [Fact]
    public async Task List_Refuses400ForAnUnknownComplexity_And401WithoutAToken()
    {
        using var developer = await ApiClient.ForAsync(app, AvaAppFactory.DeveloperEmail);
        using var anonymous = ApiClient.WithToken(app, null);

        using var bad = await developer.GetAsync($"{ChangeSets}?complexity=Huge", TestContext.Current.CancellationToken);
        using var unauthenticated = await anonymous.GetAsync(ChangeSets, TestContext.Current.CancellationToken);

        (await bad.ReadProblemAsync(400)).FieldErrors("complexity").ShouldBe(["'complexity' must be one of Simple, Moderate, Complex."]);
        await unauthenticated.ReadProblemAsync(401);
    }

    [Fact]
    public async Task Rollback_RestoresTheStream_ThenRefuses409_WhenRolledBackAgain()
    {
        var (developer, admin, stream, changeSetId) = await AppliedAsync(("priority", "High"), ("status", "Refined"));

        using var forbidden = await developer.PostJsonAsync($"{ChangeSets}/{changeSetId}/rollback", new { reason = "Not mine." });
        using var reasonless = await admin.PostJsonAsync($"{ChangeSets}/{changeSetId}/rollback", new { });
        using var rolledBack = await admin.PostJsonAsync($"{ChangeSets}/{changeSetId}/rollback", new { reason = "The incident reopened." });
        using var again = await admin.PostJsonAsync($"{ChangeSets}/{changeSetId}/rollback", new { reason = "Once more." });

        await forbidden.ReadProblemAsync(403);
        (await reasonless.ReadProblemAsync(400)).FieldErrors("reason").ShouldBe(["A reason is required to roll back a changeset."]);
        var body = await rolledBack.ReadJsonAsync();
        (body.GetProperty("status").GetString(), body.GetProperty("rollbackReason").GetString()).ShouldBe(("RolledBack", "The incident reopened."));
        var restored = await ApiScenario.GetStreamAsync(developer, stream.Id);
        (restored.GetProperty("priority").GetString(), restored.GetProperty("status").GetString()).ShouldBe(("Normal", "Raw"));
        (await again.ReadProblemAsync(409)).GetProperty("detail").GetString().ShouldStartWith($"This changeset was already rolled back by {AvaAppFactory.AdminEmail}");
        developer.Dispose();
        admin.Dispose();
    }

    [Fact]
    public async Task Rollback_Refuses409WithTheConflicts_WhenTheStreamChangedSince()
    {
        var (developer, admin, stream, changeSetId) = await AppliedAsync(("priority", "High"));
        var current = await ApiScenario.GetStreamAsync(developer, stream.Id);
        using var edit = await developer.PutAsJsonAsync($"/api/v1/streams/{stream.Id}", new
        {
            version = current.GetProperty("version").GetGuid(),
            title = current.GetProperty("title").GetString(),
            source = "Automated",
            status = "Raw",
            priority = "Now",
            summary = current.GetProperty("summary").GetString(),
            tags = new[] { "queue" },
        }, TestContext.Current.CancellationToken);
        edit.StatusCode.ShouldBe(HttpStatusCode.OK);

        using var response = await admin.PostJsonAsync($"{ChangeSets}/{changeSetId}/rollback", new { reason = "Wrong call." });

        var problem = await response.ReadProblemAsync(409);
        var conflict = problem.GetProperty("conflicts").EnumerateArray().ShouldHaveSingleItem();
        (conflict.GetProperty("field").GetString(), conflict.GetProperty("valueNow").GetString(), conflict.GetProperty("valueWritten").GetString()).ShouldBe(("priority", "Now", "High"));
        (await ApiScenario.GetStreamAsync(developer, stream.Id)).GetProperty("priority").GetString().ShouldBe("Now");
        developer.Dispose();
        admin.Dispose();
    }

    [Fact]
    public async Task Get_AnswersTheGrantsWireName_ForAChangesetRecordedWithTheOldSpelling()
    {
        var (developer, admin, _, changeSetId) = await AppliedAsync(("priority", "High"));
        await using (var db = app.OpenDatabase())
        {
            await db.Database.ExecuteSqlAsync($"UPDATE ChangeSets SET ApprovalGrant = 'AdminRole' WHERE Id = {changeSetId}", TestContext.Current.CancellationToken);
        }

        using var get = await developer.GetAsync($"{ChangeSets}/{changeSetId}", TestContext.Current.CancellationToken);

        var body = await get.ReadJsonAsync();
        body.GetProperty("approvalGrant").GetString().ShouldBe("admin_role");
        body.GetProperty("targetType").GetString().ShouldBe("stream");
        body.GetProperty("records")[0].GetProperty("entityType").GetString().ShouldBe("stream");
        developer.Dispose();
        admin.Dispose();
    }

    [Fact]
    public async Task List_FiltersByTargetTypeName_AndRefuses400ForAnUnknownOne()
    {
        var (developer, admin, _, changeSetId) = await AppliedAsync(("priority", "High"));

        using var streams = await developer.GetAsync($"{ChangeSets}?targetType=Stream&pageSize=200", TestContext.Current.CancellationToken);
        using var codestones = await developer.GetAsync($"{ChangeSets}?targetType=codestone&pageSize=200", TestContext.Current.CancellationToken);
        using var unknown = await developer.GetAsync($"{ChangeSets}?targetType=user", TestContext.Current.CancellationToken);

        (await streams.ReadJsonAsync()).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ShouldContain(changeSetId);
        (await codestones.ReadJsonAsync()).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ShouldNotContain(changeSetId);
        (await unknown.ReadProblemAsync(400)).FieldErrors("targetType").ShouldBe(["'targetType' must be one of stream, codestone."]);
        developer.Dispose();
        admin.Dispose();
    }

    private async Task<(HttpClient Developer, HttpClient Admin, ApiScenario.CreatedStream Stream, long ChangeSetId)> AppliedAsync(params (string Field, object Value)[] changes)
    {
        var developer = await ApiClient.ForAsync(app, AvaAppFactory.DeveloperEmail);
        var admin = await ApiClient.ForAsync(app, AvaAppFactory.AdminEmail);
        var stream = await ApiScenario.CreateStreamAsync(developer);
        var id = await ApiScenario.SubmitAsync(developer, stream, 0.9, changes);
        using var approved = await admin.PostJsonAsync($"/api/v1/recommendations/{id}/approve", new { });
        approved.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (developer, admin, stream, (await approved.ReadJsonAsync()).GetProperty("id").GetInt64());
    }
}
