using Ava.Infrastructure.Common;
using Ava.Infrastructure.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ava.Infrastructure.Settings;

/// <summary>
/// Keeps this instance's view of maintenance mode and the feature flags current: it re-reads them every
/// <see cref="MaintenanceOptions.RefreshSeconds"/>, wakes at a maintenance window's expected end to end it, and
/// publishes a live update when what users see changed, so open pages switch without a reload even when the
/// switch was made on another instance. Live updates themselves stay in one instance; this is the exception that
/// reads the database on a timer, because a maintenance switch must reach every open page.
/// </summary>
public sealed class OperationsStateWatcher(
    IServiceScopeFactory scopes,
    MaintenanceState maintenance,
    FeatureFlagStore flags,
    LiveUpdates updates,
    IOptionsMonitor<MaintenanceOptions> options,
    TimeProvider clock,
    ILogger<OperationsStateWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CheckAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Maintenance mode and feature flags could not be read; trying again shortly");
            }

            try
            {
                await Task.Delay(NextWait(), clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One round: read both again, end an expired window, tell open pages what changed.</summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        if (await maintenance.RefreshAsync(cancellationToken))
        {
            updates.Publish(new MaintenanceChanged());
        }

        if (await flags.RefreshAsync(cancellationToken))
        {
            updates.Publish(new FeatureFlagsChanged());
        }

        if (maintenance.ExpectedEnd is { } end && end <= clock.GetUtcNow())
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<MaintenanceService>().EndExpiredAsync(cancellationToken);
        }
    }

    private TimeSpan NextWait()
    {
        var wait = TimeSpan.FromSeconds(options.CurrentValue.RefreshSeconds);
        if (maintenance.ExpectedEnd is { } end)
        {
            var untilEnd = end - clock.GetUtcNow() + TimeSpan.FromMilliseconds(50);
            wait = untilEnd < wait ? (untilEnd > TimeSpan.Zero ? untilEnd : TimeSpan.FromSeconds(1)) : wait;
        }

        return wait;
    }
}
