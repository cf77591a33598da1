using Ava.Infrastructure.Approvals;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Workflows;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ava.Tests.Infrastructure.Common;

public sealed class LiveUpdatesTests
{
    private readonly LiveUpdates _updates = new(NullLogger<LiveUpdates>.Instance);

    [Fact]
    public void Publish_ReachesOnlyTheListenersOfItsTopic()
    {
        var approvals = new List<ApprovalActivityEvent>();
        var workflows = new List<WorkflowRunChanged>();
        using var first = _updates.Subscribe<ApprovalActivityEvent>(approvals.Add);
        using var second = _updates.Subscribe<WorkflowRunChanged>(workflows.Add);

        _updates.Publish(new WorkflowRunChanged("job-1"));

        workflows.ShouldBe([new WorkflowRunChanged("job-1")]);
        approvals.ShouldBeEmpty();
    }

    [Fact]
    public void Publish_ReachesNobody_AfterTheSubscriptionIsDisposed()
    {
        var heard = 0;
        var subscription = _updates.Subscribe<WorkflowRunChanged>(_ => heard++);
        _updates.Publish(new WorkflowRunChanged("job-1"));

        subscription.Dispose();
        subscription.Dispose();
        _updates.Publish(new WorkflowRunChanged("job-2"));

        heard.ShouldBe(1);
    }

    [Fact]
    public void Publish_StillReachesTheOthers_WhenOneListenerThrows()
    {
        var heard = 0;
        using var failing = _updates.Subscribe<WorkflowRunChanged>(_ => throw new InvalidOperationException("listener failed"));
        using var working = _updates.Subscribe<WorkflowRunChanged>(_ => heard++);

        Should.NotThrow(() => _updates.Publish(new WorkflowRunChanged("job-1")));

        heard.ShouldBe(1);
    }
}
