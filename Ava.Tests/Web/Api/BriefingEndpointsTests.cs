using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Ava.Infrastructure.Briefings;

namespace Ava.Tests.Web.Api;

/// <summary>/api/v1/briefings through the real app, over the demo fortnight written by the offline generator.</summary>
[Collection(DashboardAppCollection.Name)]
public sealed class BriefingEndpointsTests(AvaAppFactory app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string Today => DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string DaysAgo(int days) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task List_ReturnsTheBriefingsNewestFirstWithExcerpts_WhenAViewerAsks()
    {
        using var viewer = await ApiClient.ForAsync(app, AvaAppFactory.ViewerEmail);

        using var response = await viewer.GetAsync("/api/v1/briefings?pageSize=5", Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var list = await response.ReadJsonAsync();
        list.GetProperty("totalCount").GetInt32().ShouldBeGreaterThanOrEqualTo(BriefingsDemoSeeder.Days);
        var items = list.GetProperty("items").EnumerateArray().ToList();
        items.Count.ShouldBe(5);
        items.Select(i => i.GetProperty("date").GetString()).ShouldBe([Today, DaysAgo(1), DaysAgo(2), DaysAgo(3), DaysAgo(4)]);
        items.ShouldAllBe(i => i.GetProperty("excerpt").GetString()!.Length > 20 && i.GetProperty("isOffline").GetBoolean());
    }

    [Fact]
    public async Task List_FindsOnlyTheBriefingsWithTheSearchedWords()
    {
        using var viewer = await ApiClient.ForAsync(app, AvaAppFactory.ViewerEmail);

        using var all = await viewer.GetAsync("/api/v1/briefings?search=key%20THEMES", Cancel);
        using var none = await viewer.GetAsync("/api/v1/briefings?search=%25no_such_words%25", Cancel);

        (await all.ReadJsonAsync()).GetProperty("totalCount").GetInt32().ShouldBeGreaterThanOrEqualTo(BriefingsDemoSeeder.Days);
        (await none.ReadJsonAsync()).GetProperty("totalCount").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Get_ReturnsTheTextWithItsSourcesAndNeighbours()
    {
        using var viewer = await ApiClient.ForAsync(app, AvaAppFactory.ViewerEmail);

        using var response = await viewer.GetAsync($"/api/v1/briefings/{DaysAgo(1)}", Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var briefing = await response.ReadJsonAsync();
        briefing.GetProperty("markdown").GetString()!.ShouldContain("## Executive Summary");
        briefing.GetProperty("templateVersion").GetString().ShouldNotBeNullOrEmpty();
        briefing.GetProperty("isOffline").GetBoolean().ShouldBeTrue();
        briefing.GetProperty("previous").GetString().ShouldBe(DaysAgo(2));
        briefing.GetProperty("next").GetString().ShouldBe(Today);
        briefing.GetProperty("generatedBy").GetString().ShouldBe("system:morning-briefing");
        briefing.GetProperty("sources").EnumerateArray().ShouldAllBe(s => s.GetProperty("streamId").GetInt64() > 0);
    }

    [Theory]
    [InlineData("/api/v1/briefings/1999-01-01", 404)]
    [InlineData("/api/v1/briefings/01-12-2026", 400)]
    public async Task Get_AnswersAProblem_ForADateWithoutABriefingOrNotADate(string path, int status)
    {
        using var viewer = await ApiClient.ForAsync(app, AvaAppFactory.ViewerEmail);

        using var response = await viewer.GetAsync(path, Cancel);

        await response.ReadProblemAsync(status);
    }

    [Fact]
    public async Task Rate_KeepsOneRatingPerReader_AndChangesIt()
    {
        using var admin = await ApiClient.ForAsync(app, AvaAppFactory.AdminEmail);
        var date = DaysAgo(6);

        using var first = await admin.PutAsJsonAsync($"/api/v1/briefings/{date}/rating", new { stars = 2, comment = "Too long." }, Cancel);
        var count = (await first.ReadJsonAsync()).GetProperty("ratings").GetInt32();
        using var second = await admin.PutAsJsonAsync($"/api/v1/briefings/{date}/rating", new { stars = 5 }, Cancel);

        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = await second.ReadJsonAsync();
        result.GetProperty("stars").GetInt32().ShouldBe(5);
        result.GetProperty("ratings").GetInt32().ShouldBe(count);
        using var read = await admin.GetAsync($"/api/v1/briefings/{date}", Cancel);
        var mine = (await read.ReadJsonAsync()).GetProperty("myRating");
        mine.GetProperty("stars").GetInt32().ShouldBe(5);
        mine.GetProperty("comment").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task Rate_Is400WithTheField_WhenTheStarsAreOutOfRange()
    {
        using var viewer = await ApiClient.ForAsync(app, AvaAppFactory.ViewerEmail);

        using var response = await viewer.PutAsJsonAsync($"/api/v1/briefings/{DaysAgo(2)}/rating", new { stars = 6 }, Cancel);

        (await response.ReadProblemAsync(400)).FieldErrors("stars").ShouldBe(["'stars' must be from 1 to 5."]);
    }

    [Fact]
    public async Task Regenerate_Is403_ForADeveloper()
    {
        using var developer = await ApiClient.ForAsync(app, AvaAppFactory.DeveloperEmail);

        using var response = await developer.PostAsync($"/api/v1/briefings/{Today}/regenerate", null, Cancel);

        await response.ReadProblemAsync(403);
    }

    [Fact]
    public async Task Regenerate_Is202WithTheJobAndWhereToRead_ForAnAdmin()
    {
        using var admin = await ApiClient.ForAsync(app, AvaAppFactory.AdminEmail);
        var date = DaysAgo(9);

        using var response = await admin.PostAsync($"/api/v1/briefings/{date}/regenerate", null, Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/briefings/{date}");
        var accepted = await response.ReadJsonAsync();
        accepted.GetProperty("replacesRevision").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        accepted.GetProperty("jobId").GetString().ShouldNotBeNullOrEmpty();
        await using var db = app.OpenDatabase();
        var run = db.WorkflowRuns.Single(r => r.JobId == accepted.GetProperty("jobId").GetString());
        run.WorkflowName.ShouldBe("morning-briefing");
        run.Trigger.ShouldBe($"user:{AvaAppFactory.AdminEmail}");
    }

    [Fact]
    public async Task Regenerate_Is422_ForADayThatHasNotBegun()
    {
        using var admin = await ApiClient.ForAsync(app, AvaAppFactory.AdminEmail);

        using var response = await admin.PostAsync($"/api/v1/briefings/{DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3):yyyy-MM-dd}/regenerate", null, Cancel);

        (await response.ReadProblemAsync(422)).GetProperty("detail").GetString()!.ShouldContain("has not begun yet");
    }
}
