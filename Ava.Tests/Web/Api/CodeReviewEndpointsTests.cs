using System.Net;

namespace Ava.Tests.Web.Api;

/// <summary>/api/v1/codestones/{id}/reviews through the real app (demo mode). The jobs run in <c>CodeReviewWorkflowTests</c>.</summary>
[Collection(DashboardAppCollection.Name)]
public sealed class CodeReviewEndpointsTests(AvaAppFactory app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Request_Is202WithWhereToFollowIt_AndASecondRequestIsRefusedWhileItWaits()
    {
        using var developer = await ApiClient.ForAsync(app, AvaAppFactory.DeveloperEmail);
        var codestone = await CreateCodestoneAsync(developer, "Parse the retry header of a response");

        using var response = await developer.PostAsync($"/api/v1/codestones/{codestone}/reviews", null, Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var accepted = await response.ReadJsonAsync();
        var follow = accepted.GetProperty("review").GetString()!;
        response.Headers.Location!.ToString().ShouldBe(follow);
        using var review = await developer.GetAsync(follow, Cancel);
        (await review.ReadJsonAsync()).GetProperty("status").GetString().ShouldBe("Queued");

        using var second = await developer.PostAsync($"/api/v1/codestones/{codestone}/reviews", null, Cancel);

        (await second.ReadProblemAsync(422)).GetProperty("detail").GetString()
            .ShouldBe($"Codestone {codestone} already has an AI review waiting (review #{accepted.GetProperty("reviewId").GetInt64()}); a second one can be asked for once it has finished.");
    }

    [Fact]
    public async Task Request_Is403_ForAViewer_And404_ForAMissingCodestone()
    {
        using var viewer = await ApiClient.ForAsync(app, AvaAppFactory.ViewerEmail);
        using var developer = await ApiClient.ForAsync(app, AvaAppFactory.DeveloperEmail);

        using var refused = await viewer.PostAsync("/api/v1/codestones/1/reviews", null, Cancel);
        using var missing = await developer.PostAsync("/api/v1/codestones/987654/reviews", null, Cancel);

        await refused.ReadProblemAsync(403);
        await missing.ReadProblemAsync(404);
    }

    [Fact]
    public async Task List_ReturnsTheDemoReviewWithItsScoresAndRecommendation_ForAViewer()
    {
        using var viewer = await ApiClient.ForAsync(app, AvaAppFactory.ViewerEmail);
        await using var db = app.OpenDatabase();
        var reviewed = db.CodeReviews.OrderBy(r => r.Id).First().CodestoneId;

        using var response = await viewer.GetAsync($"/api/v1/codestones/{reviewed}/reviews", Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var review = (await response.ReadJsonAsync()).EnumerateArray().Last();
        review.GetProperty("status").GetString().ShouldBe("Completed");
        review.GetProperty("securityScore").GetDouble().ShouldBeInRange(0, 10);
        review.GetProperty("eclScore").GetDouble().ShouldBeInRange(0, 1);
        review.GetProperty("recommendationId").GetInt64().ShouldBeGreaterThan(0);
        review.GetProperty("templateVersion").GetString().ShouldBe("2.0.0");
    }

    [Fact]
    public async Task Get_Is404_ForAReviewOfAnotherCodestone()
    {
        using var viewer = await ApiClient.ForAsync(app, AvaAppFactory.ViewerEmail);
        await using var db = app.OpenDatabase();
        var review = db.CodeReviews.OrderBy(r => r.Id).First();

        using var response = await viewer.GetAsync($"/api/v1/codestones/{review.CodestoneId + 1}/reviews/{review.Id}", Cancel);

        await response.ReadProblemAsync(404);
    }

    private static async Task<long> CreateCodestoneAsync(HttpClient client, string title)
    {
        using var created = await client.PostJsonAsync("/api/v1/codestones", new { title = $"{title} {Guid.NewGuid():N}"[..60], language = "Python", code = "def parse(value):\n    return int(value)\n" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await created.ReadJsonAsync()).GetProperty("id").GetInt64();
    }
}
