using Ava.Domain.Streams;
using Ava.Infrastructure.Approvals;
using Ava.Infrastructure.Common;
using Ava.Tests.TestData;
using static Ava.Tests.TestData.ApprovalScenario;

namespace Ava.Tests.Infrastructure.Approvals;

public sealed class RecommendationQueriesTests : ApprovalServicesTest
{
    [Fact]
    public async Task GetAsync_SaysSo_WhenTheTargetChangedAfterSubmission()
    {
        var stream = await Scenario.CreateStreamAsync();
        var submitted = await Scenario.SubmitAsync(0.9, UpdateStream(stream.Id, ("priority", "High")));
        await Scenario.Use<Ava.Infrastructure.Streams.StreamService, Ava.Infrastructure.Streams.StreamDetail>(
            s => s.UpdateAsync(stream.Id, Sample with { Priority = StreamPriority.Low }, stream.Version));

        var preview = (await Scenario.GetAsync(submitted.Id))!.Preview.ShouldHaveSingleItem();

        preview.ChangedSinceSubmission.ShouldNotBeNull().ShouldStartWith("Changed by admin@ava.local at ");
        preview.Fields.ShouldHaveSingleItem().ShouldBe(new Ava.Infrastructure.ChangeSets.FieldPreview("priority", "Low", "High", false));
    }

    [Fact]
    public async Task ListAsync_ServesThePageAskedFor_WithTheTotalAndTheCountsPerBand()
    {
        var stream = await Scenario.CreateStreamAsync();
        var ids = new List<long>();
        foreach (var confidence in new[] { 0.9, 0.5, 0.8 })
        {
            ids.Add((await Scenario.SubmitAsync(confidence, UpdateStream(stream.Id, ("priority", "High")))).Id);
        }

        var second = await Scenario.Use<RecommendationQueries, RecommendationPage>(s => s.ListAsync(new RecommendationQuery(), new PageRequest(1, 2)));
        var huge = await Scenario.Use<RecommendationQueries, RecommendationPage>(s => s.ListAsync(new RecommendationQuery(), new PageRequest(0, 100_000)));

        second.Items.ShouldHaveSingleItem().Id.ShouldBe(ids[0]);
        (second.Total, second.Rows.Request.Page, second.Rows.Request.Size).ShouldBe((3, 1, 2));
        (second.Counts.Ready, second.Counts.NeedsReview).ShouldBe((2, 1));
        huge.Rows.Request.Size.ShouldBe(PageRequest.MaxSize);
        huge.Items.Select(r => r.Id).ShouldBe([ids[2], ids[1], ids[0]]);
    }
}
