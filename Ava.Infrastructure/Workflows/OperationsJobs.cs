using Ava.Infrastructure.Alerts;
using Ava.Infrastructure.Health;

namespace Ava.Infrastructure.Workflows;

/// <summary>
/// sample-health: records every health check (the tiles' history) and prunes the history past its days. A
/// scheduled run acts as <c>system:sample-health</c>. It runs every minute, so only its failures are kept as runs.
/// </summary>
[WorkflowName(Name, KeepSucceededRuns = false)]
public sealed class SampleHealthJob(HealthSampler sampler)
{
    public const string Name = "sample-health";

    public async Task RunAsync(CancellationToken cancellationToken) => await sampler.SampleAsync(cancellationToken);
}

/// <summary>
/// evaluate-alerts: runs the alert rules, raises and resolves alerts, and hands webhook messages to their
/// delivery job. A scheduled run acts as <c>system:evaluate-alerts</c>. It runs every minute, so only its failures are kept as runs.
/// </summary>
[WorkflowName(Name, KeepSucceededRuns = false)]
public sealed class EvaluateAlertsJob(AlertEvaluator evaluator)
{
    public const string Name = "evaluate-alerts";

    public async Task RunAsync(CancellationToken cancellationToken) => await evaluator.EvaluateAsync(cancellationToken);
}

/// <summary>send-alert-webhook: delivers one alert's webhook message; a failure is retried with the workflows' backoff.</summary>
[WorkflowName(Name)]
public sealed class SendAlertWebhookJob(AlertWebhookSender sender)
{
    public const string Name = "send-alert-webhook";

    public Task RunAsync(long notificationId, CancellationToken cancellationToken) => sender.SendAsync(notificationId, cancellationToken);
}
