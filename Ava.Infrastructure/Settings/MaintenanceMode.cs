using System.Security.Claims;
using Ava.Domain.Audit;
using Ava.Domain.Common;
using Ava.Domain.Security;
using Ava.Domain.Settings;
using Ava.Infrastructure.Audit;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Configuration;
using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ava.Infrastructure.Settings;

/// <summary>Maintenance mode as everyone sees it: on or off, and when on, the message, who started it and the expected end.</summary>
public sealed record MaintenanceStatus(bool IsOn, long? WindowId, string? Message, string? StartedBy, DateTimeOffset? StartedAt, DateTimeOffset? ExpectedEnd)
{
    public static MaintenanceStatus Off { get; } = new(false, null, null, null, null, null);

    /// <summary>Whether <paramref name="user"/> keeps working during maintenance: whoever may switch it (modify_schemas).</summary>
    public static bool MayWorkDuring(ClaimsPrincipal user) => user.HasPermission(Permissions.ModifySchemas);
}

/// <summary>Maintenance mode was switched on or off (here, on another instance, or by its expected end).</summary>
public sealed record MaintenanceChanged;

/// <summary>
/// The current maintenance window as the database holds it, read at most every
/// <see cref="MaintenanceOptions.RefreshSeconds"/> per instance (and at once after a switch here). Whether it is
/// on is decided at each read against the clock, so an expected end takes effect on the second.
/// </summary>
public sealed class MaintenanceState(IDbContextFactory<AvaDbContext> contexts, IOptionsMonitor<MaintenanceOptions> options, TimeProvider clock)
{
    private Snapshot? _snapshot;

    public async ValueTask<MaintenanceStatus> GetAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = _snapshot;
        if (snapshot is null || Environment.TickCount64 - snapshot.ReadAt >= options.CurrentValue.RefreshSeconds * 1000L)
        {
            await RefreshAsync(cancellationToken);
            snapshot = _snapshot!;
        }

        return StatusOf(snapshot.Window);
    }

    /// <summary>Reads the open window again.</summary>
    /// <returns>Whether what users see changed since the last read.</returns>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken = default)
    {
        var before = _snapshot is { } previous ? StatusOf(previous.Window) : null;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var window = await db.MaintenanceWindows.AsNoTracking().Where(w => w.EndedAt == null).OrderByDescending(w => w.Id).FirstOrDefaultAsync(cancellationToken);
        _snapshot = new Snapshot(window, Environment.TickCount64);
        return before is not null && before != StatusOf(window);
    }

    /// <summary>When the open window runs out, if it has an expected end.</summary>
    public DateTimeOffset? ExpectedEnd => _snapshot?.Window?.ExpectedEnd;

    private MaintenanceStatus StatusOf(MaintenanceWindow? window) =>
        window is not null && window.IsActiveAt(clock.GetUtcNow())
            ? new MaintenanceStatus(true, window.Id, window.Message, window.StartedBy, window.StartedAt, window.ExpectedEnd)
            : MaintenanceStatus.Off;

    private sealed record Snapshot(MaintenanceWindow? Window, long ReadAt);
}

/// <summary>Switching maintenance mode on and off (modify_schemas), and its end at the expected time; every switch is audited.</summary>
public sealed class MaintenanceService(
    IDbContextFactory<AvaDbContext> contexts,
    PermissionGuard guard,
    AuditTrail trail,
    MaintenanceState state,
    LiveUpdates updates,
    TimeProvider clock)
{
    /// <summary>Who the audit log names when a window ends at its expected time.</summary>
    public static readonly string SystemName = SystemActor.NameFor("maintenance");

    public async Task<MaintenanceStatus> GetAsync(CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(Permissions.ModifySchemas);
        await state.RefreshAsync(cancellationToken);
        return await state.GetAsync(cancellationToken);
    }

    public async Task<MaintenanceStatus> StartAsync(string message, DateTimeOffset? expectedEnd, CancellationToken cancellationToken = default)
    {
        var user = await guard.DemandAsync(Permissions.ModifySchemas);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var open = await db.MaintenanceWindows.Where(w => w.EndedAt == null).ToListAsync(cancellationToken);
        if (open.Any(w => w.IsActiveAt(now)))
        {
            throw new MaintenanceStateException("Maintenance mode is on already; switch it off before starting another.");
        }

        foreach (var expired in open)
        {
            expired.End(SystemName, expired.ExpectedEnd ?? now);
        }

        var window = MaintenanceWindow.Start(message, expectedEnd, user.DisplayName(), now);
        db.MaintenanceWindows.Add(window);
        await db.SaveChangesAsync(cancellationToken);
        await trail.AppendAsync(db, new AuditEntry(SettingsAuditActions.MaintenanceStarted, Resource(window.Id), true,
            Metadata: AuditTrail.Metadata(new { window.Message, window.ExpectedEnd })), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await ChangedAsync(cancellationToken);
    }

    /// <summary>Ends maintenance mode; ending it when it is off changes nothing.</summary>
    public async Task<MaintenanceStatus> EndAsync(CancellationToken cancellationToken = default)
    {
        var user = await guard.DemandAsync(Permissions.ModifySchemas);
        return await EndOpenAsync(user.DisplayName(), onlyExpired: false, cancellationToken) > 0
            ? await ChangedAsync(cancellationToken)
            : await state.GetAsync(cancellationToken);
    }

    /// <summary>Ends a window whose expected end has passed, as the system. The watcher of every instance calls it; one of them ends it.</summary>
    /// <returns>Whether a window was ended here.</returns>
    public async Task<bool> EndExpiredAsync(CancellationToken cancellationToken = default)
    {
        if (await EndOpenAsync(SystemName, onlyExpired: true, cancellationToken) == 0)
        {
            return false;
        }

        await ChangedAsync(cancellationToken);
        return true;
    }

    private async Task<int> EndOpenAsync(string by, bool onlyExpired, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var open = (await db.MaintenanceWindows.Where(w => w.EndedAt == null).ToListAsync(cancellationToken))
            .Where(w => !onlyExpired || w.HasExpiredAt(now))
            .ToList();
        foreach (var window in open)
        {
            var expired = window.HasExpiredAt(now);
            window.End(expired ? SystemName : by, expired ? window.ExpectedEnd!.Value : now);
            await db.SaveChangesAsync(cancellationToken);
            var entry = new AuditEntry(SettingsAuditActions.MaintenanceEnded, Resource(window.Id), true,
                Metadata: AuditTrail.Metadata(new { reason = expired ? "the expected end passed" : "switched off", window.ExpectedEnd }));
            if (expired)
            {
                await trail.AppendAsync(db, entry, new AuditActor(null, SystemName, null, CorrelationContext.Id), cancellationToken);
            }
            else
            {
                await trail.AppendAsync(db, entry, cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return open.Count;
    }

    private async Task<MaintenanceStatus> ChangedAsync(CancellationToken cancellationToken)
    {
        await state.RefreshAsync(cancellationToken);
        updates.Publish(new MaintenanceChanged());
        return await state.GetAsync(cancellationToken);
    }

    private static string Resource(long windowId) => $"maintenance/{windowId}";
}

/// <summary>Maintenance mode cannot be switched that way now (on while on).</summary>
public sealed class MaintenanceStateException(string message) : DomainException(message);
