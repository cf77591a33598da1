using Ava.Domain.Audit;
using Ava.Domain.Common;
using Ava.Domain.Security;
using Ava.Domain.Settings;
using Ava.Infrastructure.Audit;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Ava.Infrastructure.Settings;

/// <summary>The feature flags on the settings page and the API (modify_schemas): their states, and switching one, audited.</summary>
public sealed class FeatureFlagService(
    IDbContextFactory<AvaDbContext> contexts,
    PermissionGuard guard,
    AuditTrail trail,
    FeatureFlagStore store,
    LiveUpdates updates,
    TimeProvider clock)
{
    public async Task<IReadOnlyList<FeatureFlagState>> ListAsync(CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(Permissions.ModifySchemas);
        await store.RefreshAsync(cancellationToken);
        return Capabilities.All.Select(c => store.Current[c.Name]).ToList();
    }

    public async Task<FeatureFlagState> SwitchAsync(string name, bool enabled, CancellationToken cancellationToken = default)
    {
        var user = await guard.DemandAsync(Permissions.ModifySchemas);
        var capability = Capabilities.Find(name) ?? throw new NotFoundException($"There is no feature flag named '{name}'; the flags are {string.Join(", ", Capabilities.All.Select(c => c.Name))}.");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var flag = await db.FeatureFlags.SingleOrDefaultAsync(f => f.Name == capability.Name, cancellationToken);
        var now = clock.GetUtcNow();
        if (flag is null)
        {
            if (enabled)
            {
                throw new DomainException($"{capability.Title} is on already.");
            }

            db.FeatureFlags.Add(new FeatureFlag(capability.Name, enabled, user.DisplayName(), now));
        }
        else if (!flag.Switch(enabled, user.DisplayName(), now))
        {
            throw new DomainException($"{capability.Title} is {(enabled ? "on" : "off")} already.");
        }

        await db.SaveChangesAsync(cancellationToken);
        await trail.AppendAsync(db, new AuditEntry(
            enabled ? SettingsAuditActions.FeatureSwitchedOn : SettingsAuditActions.FeatureSwitchedOff, $"feature/{capability.Name}", true,
            Metadata: AuditTrail.Metadata(new { feature = capability.Name, enabled })), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await store.RefreshAsync(cancellationToken);
        updates.Publish(new FeatureFlagsChanged());
        return store.Current[capability.Name];
    }
}
