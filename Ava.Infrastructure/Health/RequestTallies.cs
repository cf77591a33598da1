using Ava.Domain.Health;
using Ava.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ava.Infrastructure.Health;

/// <summary>
/// The requests this instance answered since the last tally and how many were server errors (5xx). The
/// host's pipeline counts every request; <see cref="RequestTallyWriter"/> writes the counts down each minute.
/// </summary>
public sealed class RequestCounter
{
    private long _requests;
    private long _serverErrors;

    public void Count(int statusCode)
    {
        Interlocked.Increment(ref _requests);
        if (statusCode >= 500)
        {
            Interlocked.Increment(ref _serverErrors);
        }
    }

    /// <summary>The counts so far, reset to zero. An error taken with its request or left with it for the next tally, never alone.</summary>
    internal (int Requests, int ServerErrors) Take()
    {
        var errors = Interlocked.Exchange(ref _serverErrors, 0);
        var requests = Interlocked.Exchange(ref _requests, 0);
        return ((int)Math.Max(requests, errors), (int)errors);
    }
}

/// <summary>
/// Writes this instance's request counts as one <see cref="RequestTally"/> row per minute (and once more when
/// the host stops), so the request metrics and the error-rate alert read recorded rows, not counters a restart loses.
/// </summary>
public sealed class RequestTallyWriter(RequestCounter counter, IDbContextFactory<AvaDbContext> contexts, TimeProvider clock, ILogger<RequestTallyWriter> logger)
    : BackgroundService
{
    public static readonly string Instance = $"{Environment.MachineName}:{Environment.ProcessId}";

    private DateTimeOffset _minuteStart = MinuteOf(clock.GetUtcNow());

    /// <summary>Writes what was counted since the last tally, under the minute counting began.</summary>
    /// <returns>The tally written, or null when there was nothing to write.</returns>
    public async Task<RequestTally?> FlushAsync(CancellationToken cancellationToken = default)
    {
        var minute = _minuteStart;
        _minuteStart = MinuteOf(clock.GetUtcNow());
        var (requests, errors) = counter.Take();
        if (requests == 0)
        {
            return null;
        }

        var tally = new RequestTally(Instance, minute, requests, errors);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.RequestTallies.Add(tally);
        await db.SaveChangesAsync(cancellationToken);
        return tally;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushQuietlyAsync(CancellationToken.None);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            try
            {
                await Task.Delay(MinuteOf(now).AddMinutes(1) - now, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await FlushQuietlyAsync(stoppingToken);
        }
    }

    private async Task FlushQuietlyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await FlushAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The counts of this minute are lost; the next minute's are not.
            logger.LogWarning(ex, "The request tally could not be written");
        }
    }

    private static DateTimeOffset MinuteOf(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
}
