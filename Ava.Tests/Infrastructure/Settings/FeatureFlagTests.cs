using Ava.Domain.Common;
using Ava.Domain.Security;
using Ava.Domain.Settings;
using Ava.Infrastructure.Briefings;
using Ava.Infrastructure.Codestones;
using Ava.Infrastructure.Security;
using Ava.Infrastructure.Settings;
using Ava.Tests.TestData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.FeatureManagement;

namespace Ava.Tests.Infrastructure.Settings;

/// <summary>The feature flags through Microsoft.FeatureManagement over the database: switching, auditing, and services that check again.</summary>
public sealed class FeatureFlagTests : IAsyncLifetime
{
    private OperationsDatabase _ops = default!;

    public async ValueTask InitializeAsync() => _ops = await OperationsDatabase.CreateAsync();

    public ValueTask DisposeAsync() => _ops.DisposeAsync();

    [Fact]
    public async Task EveryCapability_IsOnUntilSomeoneSwitchesItOff()
    {
        var flags = await _ops.Db.AsAsync<FeatureFlagService, IReadOnlyList<FeatureFlagState>>(_ops.Db.User, f => f.ListAsync());

        flags.Select(f => (f.Capability.Name, f.Enabled, f.ChangedBy)).ShouldBe(Capabilities.All.Select(c => (c.Name, true, (string?)null)));
        (await Features().IsEnabledAsync(Capabilities.AiFeatures.Name)).ShouldBeTrue();
    }

    [Fact]
    public async Task SwitchingOff_IsSeenByFeatureManagement_RecordsWhoAndWhen_AndIsAudited()
    {
        var state = await SwitchAsync(Capabilities.AiFeatures, false);

        (state.Enabled, state.ChangedBy, state.ChangedAt).ShouldBe((false, "admin@ava.local", _ops.Now));
        (await Features().IsEnabledAsync(Capabilities.AiFeatures.Name)).ShouldBeFalse();
        await using var context = _ops.Db.NewContext();
        var audit = await context.AuditEvents.SingleAsync(e => e.Action == SettingsAuditActions.FeatureSwitchedOff, TestContext.Current.CancellationToken);
        audit.Resource.ShouldBe("feature/AiFeatures");
    }

    [Fact]
    public async Task ASwitchedOffCapability_IsRefusedByItsServiceToo_NamingWhoAndWhen()
    {
        await SwitchAsync(Capabilities.CommandExecution, false);
        var guard = _ops.Db.Services.GetRequiredService<CapabilityGuard>();

        var refusal = await Should.ThrowAsync<CapabilitySwitchedOffException>(() => guard.DemandAsync(Capabilities.CommandExecution));

        refusal.Message.ShouldBe("Command execution was switched off by admin@ava.local on 2026-12-01 12:00 UTC.");
        await guard.DemandAsync(Capabilities.AiFeatures);
    }

    [Fact]
    public async Task Switching_ToTheStateItHasAlready_IsRefused_AndAnUnknownFlagIsNotFound()
    {
        (await Should.ThrowAsync<DomainException>(() => SwitchAsync(Capabilities.ApiRateLimits, true))).Message.ShouldBe("API rate limits is on already.");
        await Should.ThrowAsync<Ava.Infrastructure.Common.NotFoundException>(() =>
            _ops.Db.AsAsync<FeatureFlagService, FeatureFlagState>(_ops.Db.User, f => f.SwitchAsync("Telepathy", false)));
    }

    [Fact]
    public async Task Switching_NeedsModifySchemas()
    {
        var developer = ServiceDatabase.Principal("developer@ava.local", Roles.Developer);

        await Should.ThrowAsync<PermissionDeniedException>(() =>
            _ops.Db.AsAsync<FeatureFlagService, FeatureFlagState>(developer, f => f.SwitchAsync(Capabilities.AiFeatures.Name, false)));

        (await Features().IsEnabledAsync(Capabilities.AiFeatures.Name)).ShouldBeTrue();
    }

    [Fact]
    public async Task SwitchedOffReviews_AreRefusedByTheReviewService_BeforeAnythingIsQueued()
    {
        await SwitchAsync(Capabilities.CodeReviews, false);

        var refusal = await Should.ThrowAsync<CapabilitySwitchedOffException>(() =>
            _ops.Db.AsAsync<CodeReviewService, ReviewRequest>(_ops.Db.User, s => s.RequestAsync(1)));

        refusal.State.Capability.ShouldBe(Capabilities.CodeReviews);
        await using var context = _ops.Db.NewContext();
        (await context.CodeReviews.AnyAsync(TestContext.Current.CancellationToken)).ShouldBeFalse();
    }

    [Fact]
    public async Task SwitchedOffBriefings_AreRefusedByTheGenerator_AndByRegenerate()
    {
        await SwitchAsync(Capabilities.Briefings, false);
        var today = DateOnly.FromDateTime(_ops.Now.UtcDateTime);

        await Should.ThrowAsync<CapabilitySwitchedOffException>(() =>
            _ops.Db.AsAsync<BriefingService, RegenerationRequest>(_ops.Db.User, s => s.RegenerateAsync(today)));
        await Should.ThrowAsync<CapabilitySwitchedOffException>(() =>
            _ops.Db.AsAsync<BriefingGenerator, BriefingGeneration>(_ops.Db.User, g => g.GenerateAsync(today, null, (_, _) => Task.CompletedTask, CancellationToken.None)));

        await using var context = _ops.Db.NewContext();
        (await context.MorningBriefings.AnyAsync(TestContext.Current.CancellationToken)).ShouldBeFalse();
    }

    private Task<FeatureFlagState> SwitchAsync(Capability capability, bool enabled) =>
        _ops.Db.AsAsync<FeatureFlagService, FeatureFlagState>(_ops.Db.User, f => f.SwitchAsync(capability.Name, enabled));

    private IFeatureManager Features() => _ops.Db.Services.GetRequiredService<IFeatureManager>();
}
