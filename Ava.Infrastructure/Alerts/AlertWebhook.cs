using System.Net.Http.Json;
using System.Text.Json;
using Ava.Domain.Alerts;
using Ava.Infrastructure.Configuration;
using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Workflows;
using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ava.Infrastructure.Alerts;

/// <summary>The JSON an <see cref="AlertOptions.WebhookUrl"/> receives for every new and resolved alert.</summary>
public sealed record AlertWebhookMessage(string Event, AlertWebhookAlert Alert, DateTimeOffset SentAt, string Source = "Ava Prime Dashboard");

public sealed record AlertWebhookAlert(
    long Id, string Rule, string Subject, string Severity, string Message, DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt,
    int Count, bool Acknowledged, DateTimeOffset? ResolvedAt, string? Resolution);

/// <summary>Hands the owed webhook messages to their delivery job, one job per message; the rule job calls it last.</summary>
public sealed class AlertWebhookDispatcher(IDbContextFactory<AvaDbContext> contexts, IBackgroundJobClient jobs, TimeProvider clock)
{
    public const int BatchSize = 100;

    /// <returns>How many messages were queued.</returns>
    public async Task<int> QueuePendingAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pending = await db.AlertNotifications.Where(n => n.QueuedAt == null).OrderBy(n => n.Id).Take(BatchSize).ToListAsync(cancellationToken);
        foreach (var notification in pending)
        {
            var id = notification.Id;
            jobs.Create<SendAlertWebhookJob>(job => job.RunAsync(id, CancellationToken.None), new EnqueuedState());
            notification.MarkQueued(clock.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken);
        return pending.Count;
    }
}

/// <summary>
/// Delivers one webhook message: a JSON POST to <see cref="AlertOptions.WebhookUrl"/>. A refused or failed
/// delivery throws, so the workflow retries it with the configured backoff; a delivered one is never sent again.
/// </summary>
public sealed class AlertWebhookSender(
    IDbContextFactory<AvaDbContext> contexts,
    IHttpClientFactory clients,
    IOptionsMonitor<AlertOptions> options,
    TimeProvider clock,
    ILogger<AlertWebhookSender> logger)
{
    public const string HttpClientName = "alert-webhook";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task SendAsync(long notificationId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var notification = await db.AlertNotifications.Include(n => n.Alert).SingleOrDefaultAsync(n => n.Id == notificationId, cancellationToken);
        if (notification?.Alert is not { } alert || notification.SentAt is not null)
        {
            return;
        }

        var settings = options.CurrentValue;
        if (string.IsNullOrWhiteSpace(settings.WebhookUrl))
        {
            notification.RecordAttempt(clock.GetUtcNow(), "No webhook is configured any more; the message was dropped.");
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var message = MessageFor(notification, alert, clock.GetUtcNow());
        using var client = clients.CreateClient(HttpClientName);
        client.Timeout = TimeSpan.FromSeconds(settings.WebhookTimeoutSeconds);
        string? error;
        try
        {
            using var response = await client.PostAsJsonAsync(settings.WebhookUrl, message, Json, cancellationToken);
            error = response.IsSuccessStatusCode ? null : $"The receiver answered {(int)response.StatusCode}.";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            error = ex is TaskCanceledException ? $"The receiver did not answer within {settings.WebhookTimeoutSeconds} s." : $"The receiver cannot be reached: {ex.Message}";
        }

        notification.RecordAttempt(clock.GetUtcNow(), error);
        await db.SaveChangesAsync(cancellationToken);
        if (error is not null)
        {
            logger.LogWarning("Alert webhook for alert {AlertId} ({Event}) failed: {Error}", alert.Id, notification.Event, error);
            throw new HttpRequestException(error);
        }
    }

    internal static AlertWebhookMessage MessageFor(AlertNotification notification, Alert alert, DateTimeOffset now) => new(
        notification.Event == AlertEvent.Raised ? "raised" : "resolved",
        new AlertWebhookAlert(alert.Id, alert.Kind, alert.Subject, alert.Severity.ToString(), alert.Message, alert.RaisedAt, alert.LastSeenAt,
            alert.Count, alert.IsAcknowledged, alert.ResolvedAt, alert.Resolution),
        now);
}
