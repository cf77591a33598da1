using Ava.Domain.Common;
using Ava.Domain.Workflows;

namespace Ava.Tests.Domain.Workflows;

public class WorkflowRunTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 6, 0, 0, TimeSpan.Zero);

    private static WorkflowRun NewRun() => new("17", "archive-old-streams", WorkflowTriggers.Schedule, "{}", T0);

    [Fact]
    public void MarkAttemptFailed_KeepsRunOpen_WhenRetryFollows()
    {
        var run = NewRun();
        run.MarkStarted(1, T0.AddSeconds(1));

        run.MarkAttemptFailed("boom", willRetry: true, T0.AddSeconds(2));

        run.Status.ShouldBe(WorkflowStatus.Retrying);
        run.EndedAt.ShouldBeNull();
        run.Error.ShouldBe("boom");
    }

    [Fact]
    public void MarkAttemptFailed_EndsRun_AfterLastAttempt()
    {
        var run = NewRun();
        run.MarkStarted(4, T0.AddSeconds(1));

        run.MarkAttemptFailed("boom", willRetry: false, T0.AddSeconds(3));

        run.Status.ShouldBe(WorkflowStatus.Failed);
        run.Duration.ShouldBe(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void MarkStarted_KeepsFirstStart_WhenRetried()
    {
        var run = NewRun();
        run.MarkStarted(1, T0.AddSeconds(1));
        run.MarkAttemptFailed("boom", willRetry: true, T0.AddSeconds(2));

        run.MarkStarted(2, T0.AddSeconds(60));
        run.MarkSucceeded(T0.AddSeconds(61));

        run.Attempts.ShouldBe(2);
        run.StartedAt.ShouldBe(T0.AddSeconds(1));
        run.Status.ShouldBe(WorkflowStatus.Succeeded);
        run.Error.ShouldBeNull();
    }

    [Fact]
    public void MarkAttemptFailed_TruncatesLongErrors()
    {
        var run = NewRun();

        run.MarkAttemptFailed(new string('x', WorkflowRun.MaxErrorLength + 10), willRetry: false, T0);

        run.Error!.Length.ShouldBe(WorkflowRun.MaxErrorLength);
    }

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(11, 10)]
    [InlineData(0, -1)]
    public void ReportProgress_Throws_WhenProgressIsImpossible(int processed, int total)
    {
        Should.Throw<DomainException>(() => NewRun().ReportProgress(processed, total));
    }

    [Fact]
    public void NewVersion_ChangesConcurrencyToken()
    {
        var run = NewRun();
        var before = run.Version;

        run.NewVersion();

        run.Version.ShouldNotBe(before);
    }
}
