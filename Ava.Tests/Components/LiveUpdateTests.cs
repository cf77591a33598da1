using Ava.Dashboard.Components.Shared;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Workflows;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ava.Tests.Components;

public sealed class LiveUpdateTests : DashboardTestContext
{
    private readonly LiveUpdates _updates = new(NullLogger<LiveUpdates>.Instance);

    public LiveUpdateTests()
    {
        Services.AddSingleton(_updates);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void LiveUpdate_RaisesOneChangeForABurst_OfItsTopic()
    {
        var changes = 0;
        Render<LiveUpdate<WorkflowRunChanged>>(p => p.Add(l => l.OnChanged, () => changes++));

        for (var i = 0; i < 20; i++)
        {
            _updates.Publish(new WorkflowRunChanged($"job-{i}"));
        }

        WaitForChanges(() => changes, 1);
        Thread.Sleep(LiveUpdateListener<WorkflowRunChanged>.QuietPeriod * 3);
        changes.ShouldBe(1);
    }

    [Fact]
    public void LiveUpdate_IgnoresUpdatesItsPageDoesNotCareAbout()
    {
        var changes = 0;
        Render<LiveUpdate<WorkflowRunChanged>>(p => p
            .Add(l => l.When, update => update.JobId == "mine")
            .Add(l => l.OnChanged, () => changes++));

        _updates.Publish(new WorkflowRunChanged("someone-else"));
        Thread.Sleep(LiveUpdateListener<WorkflowRunChanged>.QuietPeriod * 3);
        changes.ShouldBe(0);

        _updates.Publish(new WorkflowRunChanged("mine"));
        WaitForChanges(() => changes, 1);
    }

    [Fact]
    public async Task LiveUpdate_StopsListening_WhenThePageGoesAway()
    {
        var changes = 0;
        Render<LiveUpdate<WorkflowRunChanged>>(p => p.Add(l => l.OnChanged, () => changes++));

        await DisposeComponentsAsync();
        _updates.Publish(new WorkflowRunChanged("job-1"));

        Thread.Sleep(LiveUpdateListener<WorkflowRunChanged>.QuietPeriod * 3);
        changes.ShouldBe(0);
    }

    [Fact]
    public void LiveUpdate_WithASpread_ReloadsPagesAtTimesOfTheirOwn()
    {
        // Forty open pages of the same update, each allowed up to two seconds more.
        var reloads = new System.Collections.Concurrent.ConcurrentBag<DateTime>();
        for (var i = 0; i < 40; i++)
        {
            Render<LiveUpdate<WorkflowRunChanged>>(p => p
                .Add(l => l.Spread, TimeSpan.FromSeconds(2))
                .Add(l => l.OnChanged, () => reloads.Add(DateTime.UtcNow)));
        }

        _updates.Publish(new WorkflowRunChanged("job-1"));

        // Every page reloads once, and not all at the same moment: forty draws over two seconds span more than half a second.
        WaitForChanges(() => reloads.Count, 40);
        (reloads.Max() - reloads.Min()).ShouldBeGreaterThan(TimeSpan.FromMilliseconds(500));
    }

    private static void WaitForChanges(Func<int> changes, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (changes() < expected && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(20);
        }

        changes().ShouldBe(expected);
    }
}
