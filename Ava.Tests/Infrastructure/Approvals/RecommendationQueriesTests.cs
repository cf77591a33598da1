using System.Security.Claims;
using Ava.Domain.Audit;
using Ava.Domain.ChangeSets;
using Ava.Domain.Recommendations;
using Ava.Domain.Security;
using Ava.Domain.Streams;
using Ava.Domain.Tickets;
using Ava.Infrastructure.Approvals;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Security;
using Ava.Infrastructure.Tickets;
using Ava.Tests.TestData;
using Microsoft.EntityFrameworkCore;
using static Ava.Tests.TestData.ApprovalScenario;

namespace Ava.Tests.Infrastructure.Approvals;

public sealed class RecommendationQueriesTests : IAsyncLifetime
{
    private ServiceDatabase _db = default!;
    private ApprovalScenario _scenario = default!;

    public async ValueTask InitializeAsync()
    {
        _db = await ServiceDatabase.CreateAsync();
        _scenario = new ApprovalScenario(_db);
        _scenario.AsAdmin();
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task GetAsync_SaysSo_WhenTheTargetChangedAfterSubmission()
    {
        var stream = await _scenario.CreateStreamAsync();
        var submitted = await _scenario.SubmitAsync(0.9, UpdateStream(stream.Id, ("priority", "High")));
        await _scenario.Use<Ava.Infrastructure.Streams.StreamService, Ava.Infrastructure.Streams.StreamDetail>(
            s => s.UpdateAsync(stream.Id, Sample with { Priority = StreamPriority.Low }, stream.Version));

        var preview = (await _scenario.GetAsync(submitted.Id))!.Preview.ShouldHaveSingleItem();

        preview.ChangedSinceSubmission.ShouldNotBeNull().ShouldStartWith("Changed by admin@ava.local at ");
        preview.Fields.ShouldHaveSingleItem().ShouldBe(new Ava.Infrastructure.ChangeSets.FieldPreview("priority", "Low", "High", false));
    }
}
