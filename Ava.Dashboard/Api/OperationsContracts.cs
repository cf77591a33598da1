using System.ComponentModel;
using Ava.Infrastructure.Alerts;
using Ava.Infrastructure.Settings;

namespace Ava.Dashboard.Api;

public sealed record AlertList(IReadOnlyList<AlertRow> Items, int Page, int PageSize, int TotalCount);

public sealed record AlertAcknowledgeRequest([property: Description("Why it is in hand, or what was done; optional, kept with the alert and in the audit log.")] string? Note);

public sealed record AlertSilenceRequest(
    [property: Description("Until when the alert's rule and subject stay quiet (ISO 8601, in the future, at most 30 days ahead).")] DateTimeOffset? Until,
    [property: Description("Why; optional.")] string? Note);

public sealed record AlertSilenceResource(long Id, string Rule, string Subject, DateTimeOffset Until, string? Note, string CreatedBy, DateTimeOffset CreatedAt);

public sealed record MaintenanceRequest(
    [property: Description("true to switch maintenance mode on, false to switch it off.")] bool? On,
    [property: Description("What other users see instead of the app; required to switch it on.")] string? Message,
    [property: Description("When it is expected to end (ISO 8601); it ends by itself then. Optional.")] DateTimeOffset? ExpectedEnd);

public sealed record FeatureFlagResource(string Name, string Title, string Description, bool Enabled, string? ChangedBy, DateTimeOffset? ChangedAt)
{
    internal static FeatureFlagResource From(FeatureFlagState state) =>
        new(state.Capability.Name, state.Capability.Title, state.Capability.Description, state.Enabled, state.ChangedBy, state.ChangedAt);
}

/// <summary>Every setting group with its effective values and their sources, the feature flags and the external dependencies.</summary>
public sealed record ConfigurationStatusResource(
    IReadOnlyList<SettingGroupStatus> Groups, IReadOnlyList<FeatureFlagResource> FeatureFlags, IReadOnlyList<DependencyStatus> Dependencies);
