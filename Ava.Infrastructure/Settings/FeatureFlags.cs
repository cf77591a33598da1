using Ava.Domain.Common;
using Ava.Domain.Settings;
using Ava.Infrastructure.Configuration;
using Ava.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.FeatureManagement;

namespace Ava.Infrastructure.Settings;

/// <summary>A capability's switch: on or off, and who last switched it and when (null while nobody has).</summary>
public sealed record FeatureFlagState(Capability Capability, bool Enabled, string? ChangedBy, DateTimeOffset? ChangedAt);

/// <summary>The feature flags were switched (on this instance, or seen changed in the database).</summary>
public sealed record FeatureFlagsChanged;

/// <summary>
/// The flags as the database holds them, read at most every <see cref="MaintenanceOptions.RefreshSeconds"/> per
/// instance (and at once after a switch here), so every instance sees the same value within seconds.
/// </summary>
public sealed class FeatureFlagStore(IDbContextFactory<AvaDbContext> contexts, IOptionsMonitor<MaintenanceOptions> options)
{
    private Snapshot? _snapshot;

    /// <summary>The last states read; every capability on until the first read.</summary>
    public IReadOnlyDictionary<string, FeatureFlagState> Current => _snapshot?.States ?? Defaults();

    public async ValueTask<IReadOnlyDictionary<string, FeatureFlagState>> GetAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = _snapshot;
        if (snapshot is not null && Environment.TickCount64 - snapshot.ReadAt < options.CurrentValue.RefreshSeconds * 1000L)
        {
            return snapshot.States;
        }

        await RefreshAsync(cancellationToken);
        return _snapshot!.States;
    }

    /// <summary>Reads the flags again.</summary>
    /// <returns>Whether any state differs from the last read.</returns>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.FeatureFlags.AsNoTracking().ToDictionaryAsync(f => f.Name, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var states = Capabilities.All.ToDictionary(
            c => c.Name,
            c => rows.TryGetValue(c.Name, out var row) ? new FeatureFlagState(c, row.Enabled, row.ChangedBy, row.ChangedAt) : new FeatureFlagState(c, true, null, null),
            StringComparer.OrdinalIgnoreCase);
        var previous = _snapshot?.States ?? Defaults();
        _snapshot = new Snapshot(states, Environment.TickCount64);
        return states.Any(s => previous.TryGetValue(s.Key, out var before) && before != s.Value);
    }

    private static Dictionary<string, FeatureFlagState> Defaults() =>
        Capabilities.All.ToDictionary(c => c.Name, c => new FeatureFlagState(c, true, null, null), StringComparer.OrdinalIgnoreCase);

    private sealed record Snapshot(IReadOnlyDictionary<string, FeatureFlagState> States, long ReadAt);
}

/// <summary>Gives Microsoft.FeatureManagement the capabilities from the database: on is the built-in AlwaysOn filter, off is no filter.</summary>
internal sealed class DatabaseFeatureDefinitionProvider(FeatureFlagStore store) : IFeatureDefinitionProvider
{
    public async Task<FeatureDefinition> GetFeatureDefinitionAsync(string featureName)
    {
        var states = await store.GetAsync();
        return states.TryGetValue(featureName, out var state)
            ? Definition(state)
            : new FeatureDefinition { Name = featureName, Status = FeatureStatus.Disabled };
    }

    public async IAsyncEnumerable<FeatureDefinition> GetAllFeatureDefinitionsAsync()
    {
        foreach (var state in (await store.GetAsync()).Values)
        {
            yield return Definition(state);
        }
    }

    private static FeatureDefinition Definition(FeatureFlagState state) => new()
    {
        Name = state.Capability.Name,
        EnabledFor = state.Enabled ? [new FeatureFilterConfiguration { Name = "AlwaysOn" }] : [],
    };
}

/// <summary>A capability an administrator switched off was asked for; the message says who did it and when.</summary>
public sealed class CapabilitySwitchedOffException(FeatureFlagState state)
    : DomainException(state.ChangedBy is null
        ? $"{state.Capability.Title} is switched off."
        : $"{state.Capability.Title} was switched off by {state.ChangedBy} on {state.ChangedAt:yyyy-MM-dd HH:mm} UTC.")
{
    public FeatureFlagState State { get; } = state;
}

/// <summary>Asks Microsoft.FeatureManagement whether a capability is on; services call <see cref="DemandAsync"/> before doing its work.</summary>
public sealed class CapabilityGuard(IFeatureManager features, FeatureFlagStore store)
{
    public Task<bool> IsEnabledAsync(Capability capability) => features.IsEnabledAsync(capability.Name);

    public async Task<FeatureFlagState> StateAsync(Capability capability) => (await store.GetAsync())[capability.Name];

    /// <summary>Throws <see cref="CapabilitySwitchedOffException"/> when the capability is off.</summary>
    public async Task DemandAsync(Capability capability)
    {
        if (!await IsEnabledAsync(capability))
        {
            throw new CapabilitySwitchedOffException(await StateAsync(capability));
        }
    }
}
