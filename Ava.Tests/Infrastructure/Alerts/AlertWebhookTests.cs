using Ava.Domain.Alerts;
using Ava.Infrastructure.Alerts;
using Ava.Tests.TestData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Tests.Infrastructure.Alerts;

/// <summary>The alert webhook against a receiver on loopback: a JSON POST per new or resolved alert, retried until it is taken.</summary>
public sealed class AlertWebhookTests : IAsyncLifetime
{
    private LoopbackWebhookReceiver _receiver = default!;
    private OperationsDatabase _ops = default!;

    public async ValueTask InitializeAsync()
    {
        _receiver = await LoopbackWebhookReceiver.StartAsync();
        _ops = await OperationsDatabase.CreateAsync(new Dictionary<string, string?> { ["Alerts:WebhookUrl"] = _receiver.Url });
    }

    public async ValueTask DisposeAsync()
    {
        await _ops.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task ANewAlert_IsPostedAsJson_AndNeverSentTwice()
    {
        await _ops.TallyAsync(TimeSpan.FromMinutes(5), 100, 40);
        var evaluation = await _ops.EvaluateAsync();
        evaluation.NotificationsQueued.ShouldBe(1);
        var notification = await SingleNotificationAsync();

        await SendAsync(notification.Id);
        await SendAsync(notification.Id);

        var body = _receiver.Received.ShouldHaveSingleItem();
        body.GetProperty("event").GetString().ShouldBe("raised");
        body.GetProperty("source").GetString().ShouldBe("Ava Prime Dashboard");
        var alert = body.GetProperty("alert");
        (alert.GetProperty("rule").GetString(), alert.GetProperty("subject").GetString(), alert.GetProperty("severity").GetString())
            .ShouldBe((Alert.ErrorRateKind, "requests", "Critical"));
        alert.GetProperty("message").GetString()!.ShouldStartWith("40 % of 100 requests in the last hour");
        var sent = await SingleNotificationAsync();
        (sent.SentAt, sent.Attempts, sent.LastError).ShouldBe((_ops.Now, 1, null));
    }

    [Fact]
    public async Task ARefusedDelivery_IsRecordedAndThrown_SoTheWorkflowRetriesIt_UntilTheReceiverTakesIt()
    {
        await _ops.TallyAsync(TimeSpan.FromMinutes(5), 100, 40);
        await _ops.EvaluateAsync();
        var notification = await SingleNotificationAsync();
        _receiver.Status = 503;

        var failure = await Should.ThrowAsync<HttpRequestException>(() => SendAsync(notification.Id));

        failure.Message.ShouldBe("The receiver answered 503.");
        var failed = await SingleNotificationAsync();
        (failed.SentAt, failed.Attempts, failed.LastError).ShouldBe((null, 1, "The receiver answered 503."));

        _receiver.Status = 200;
        await SendAsync(notification.Id);
        (await SingleNotificationAsync()).SentAt.ShouldNotBeNull();
        _receiver.Received.Count.ShouldBe(2);
    }

    [Fact]
    public async Task AResolvedAlert_IsPostedWithItsResolution()
    {
        await _ops.TallyAsync(TimeSpan.FromMinutes(5), 100, 40);
        await _ops.EvaluateAsync();
        _ops.Clock.Advance(TimeSpan.FromMinutes(61));
        await _ops.EvaluateAsync();
        await using var context = _ops.Db.NewContext();
        var resolved = await context.AlertNotifications.SingleAsync(n => n.Event == AlertEvent.Resolved);

        await SendAsync(resolved.Id);

        var body = _receiver.Received.ShouldHaveSingleItem();
        body.GetProperty("event").GetString().ShouldBe("resolved");
        body.GetProperty("alert").GetProperty("resolution").GetString().ShouldBe("The condition cleared.");
    }

    private async Task SendAsync(long notificationId)
    {
        await using var scope = _ops.Db.Scope();
        await scope.ServiceProvider.GetRequiredService<AlertWebhookSender>().SendAsync(notificationId, TestContext.Current.CancellationToken);
    }

    private async Task<AlertNotification> SingleNotificationAsync()
    {
        await using var context = _ops.Db.NewContext();
        return await context.AlertNotifications.AsNoTracking().SingleAsync();
    }
}
