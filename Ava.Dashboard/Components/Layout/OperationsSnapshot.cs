using Ava.Domain.Settings;
using Ava.Infrastructure.Settings;

namespace Ava.Dashboard.Components.Layout;

/// <summary>What the layout needs to know about operations right now: maintenance mode and which capabilities are switched off.</summary>
public sealed record OperationsSnapshot(MaintenanceStatus Maintenance, IReadOnlyDictionary<string, FeatureFlagState> Flags)
{
    public bool IsSwitchedOff(Capability? capability) =>
        capability is not null && Flags.TryGetValue(capability.Name, out var state) && !state.Enabled;

    public FeatureFlagState? StateOf(Capability capability) => Flags.GetValueOrDefault(capability.Name);
}
