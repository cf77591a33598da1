using Ava.Infrastructure.Approvals;

namespace Ava.Dashboard.Features.Approvals;

/// <summary>
/// Lets a component re-read after approval activity of this instance (a submission, a decision, a
/// rollback). A burst of events, such as a batch of submissions, yields one reload after a short quiet
/// period; the reload runs on the component's dispatcher. Dispose it with the component.
/// </summary>
public sealed class ApprovalActivityListener : IDisposable
{
    /// <summary>How long events are gathered before one reload.</summary>
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(250);

    private readonly ApprovalActivity _activity;
    private readonly Func<Func<Task>, Task> _dispatch;
    private readonly Func<Task> _reload;
    private readonly Func<ApprovalActivityEvent, bool> _concerns;
    private readonly CancellationTokenSource _stopped = new();
    private int _scheduled;

    /// <param name="activity">The instance's activity feed.</param>
    /// <param name="dispatch">The component's <c>InvokeAsync</c>.</param>
    /// <param name="reload">What to do after activity; it handles its own errors.</param>
    /// <param name="concerns">Which events matter to the component; all of them when null.</param>
    public ApprovalActivityListener(
        ApprovalActivity activity, Func<Func<Task>, Task> dispatch, Func<Task> reload, Func<ApprovalActivityEvent, bool>? concerns = null)
    {
        _activity = activity;
        _dispatch = dispatch;
        _reload = reload;
        _concerns = concerns ?? (_ => true);
        _activity.Changed += OnChanged;
    }

    public void Dispose()
    {
        _activity.Changed -= OnChanged;
        _stopped.Cancel();
        _stopped.Dispose();
    }

    // Raised on the thread of whoever committed the change, possibly another user's circuit: never block it.
    private void OnChanged(ApprovalActivityEvent activity)
    {
        if (_concerns(activity) && Interlocked.Exchange(ref _scheduled, 1) == 0)
        {
            _ = ReloadAfterQuietPeriodAsync();
        }
    }

    private async Task ReloadAfterQuietPeriodAsync()
    {
        try
        {
            await Task.Delay(QuietPeriod, _stopped.Token);

            // Events from here on schedule another reload, so none is missed while this one reads.
            Interlocked.Exchange(ref _scheduled, 0);
            await _dispatch(_reload);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            // The component went away (its circuit closed) before the reload.
        }
    }
}
