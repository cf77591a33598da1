using Ava.Domain.Common;
using Ava.Domain.Security;
using Ava.Domain.Settings;
using Ava.Infrastructure.Security;
using Ava.Infrastructure.Settings;
using Ava.Tests.TestData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Tests.Infrastructure.Settings;

/// <summary>Maintenance mode over a test clock: switching it, its expected end, who may work, and the audit trail.</summary>
public sealed class MaintenanceModeTests : IAsyncLifetime
{
    private OperationsDatabase _ops = default!;

    public async ValueTask InitializeAsync() => _ops = await OperationsDatabase.CreateAsync();

    public ValueTask DisposeAsync() => _ops.DisposeAsync();

    [Fact]
    public async Task Start_TurnsItOnForEveryoneWithTheMessage_AndRefusesASecondStart()
    {
        var status = await StartAsync("Moving to new hardware.", _ops.Now.AddHours(1));

        (status.IsOn, status.Message, status.StartedBy, status.StartedAt).ShouldBe((true, "Moving to new hardware.", "admin@ava.local", _ops.Now));
        (await _ops.Db.Services.GetRequiredService<MaintenanceState>().GetAsync()).IsOn.ShouldBeTrue();
        var again = await Should.ThrowAsync<MaintenanceStateException>(() => StartAsync("Again.", null));
        again.Message.ShouldBe("Maintenance mode is on already; switch it off before starting another.");
    }

    [Fact]
    public async Task ExpectedEnd_EndsItOnTheSecond_AndTheWatcherRecordsTheEndAsTheSystem()
    {
        var window = await StartAsync("Back at one.", _ops.Now.AddMinutes(30));
        var state = _ops.Db.Services.GetRequiredService<MaintenanceState>();
        var watcher = ActivatorUtilities.CreateInstance<OperationsStateWatcher>(_ops.Db.Services);

        _ops.Clock.Advance(TimeSpan.FromMinutes(30) - TimeSpan.FromSeconds(1));
        (await state.GetAsync()).IsOn.ShouldBeTrue();
        _ops.Clock.Advance(TimeSpan.FromSeconds(1));
        (await state.GetAsync()).IsOn.ShouldBeFalse("it is off at its expected end, whoever looks");

        await watcher.CheckAsync(TestContext.Current.CancellationToken);

        await using var context = _ops.Db.NewContext();
        var ended = await context.MaintenanceWindows.SingleAsync(w => w.Id == window.WindowId, TestContext.Current.CancellationToken);
        (ended.EndedBy, ended.EndedAt).ShouldBe((MaintenanceService.SystemName, window.ExpectedEnd));
        var events = await context.AuditEvents.Where(e => e.Resource == $"maintenance/{window.WindowId}").OrderBy(e => e.Sequence).ToListAsync(TestContext.Current.CancellationToken);
        events.Select(e => (e.Action, e.UserName)).ShouldBe([
            (SettingsAuditActions.MaintenanceStarted, "admin@ava.local"),
            (SettingsAuditActions.MaintenanceEnded, MaintenanceService.SystemName)]);
    }

    [Fact]
    public async Task End_SwitchesItOffAndIsAudited_AndChangesNothingWhenItIsOff()
    {
        await StartAsync("Short break.", null);

        var off = await _ops.Db.AsAsync<MaintenanceService, MaintenanceStatus>(_ops.Db.User, m => m.EndAsync());
        var again = await _ops.Db.AsAsync<MaintenanceService, MaintenanceStatus>(_ops.Db.User, m => m.EndAsync());

        off.IsOn.ShouldBeFalse();
        again.IsOn.ShouldBeFalse();
        await using var context = _ops.Db.NewContext();
        (await context.AuditEvents.CountAsync(e => e.Action == SettingsAuditActions.MaintenanceEnded, TestContext.Current.CancellationToken)).ShouldBe(1);
    }

    [Theory]
    [InlineData("", "Say what users will see: the message is required.")]
    [InlineData("   ", "Say what users will see: the message is required.")]
    public async Task Start_RefusesAnEmptyMessage(string message, string error) =>
        (await Should.ThrowAsync<DomainException>(() => StartAsync(message, null))).Message.ShouldBe(error);

    [Fact]
    public async Task Start_RefusesAnExpectedEndInThePastOrMoreThanFourteenDaysAhead()
    {
        (await Should.ThrowAsync<DomainException>(() => StartAsync("Soon.", _ops.Now))).Message.ShouldBe("The expected end must be in the future.");
        (await Should.ThrowAsync<DomainException>(() => StartAsync("Later.", _ops.Now.AddDays(15)))).Message.ShouldBe("The expected end may be at most 14 days ahead.");
    }

    [Theory]
    [InlineData(Roles.Developer)]
    [InlineData(Roles.Viewer)]
    public async Task Switching_NeedsModifySchemas_AndARefusalIsAudited(string role)
    {
        var user = ServiceDatabase.Principal($"{role.ToLowerInvariant()}@ava.local", role);

        await Should.ThrowAsync<PermissionDeniedException>(() => _ops.Db.AsAsync<MaintenanceService, MaintenanceStatus>(user, m => m.StartAsync("Mine.", null)));

        await using var context = _ops.Db.NewContext();
        (await context.AuditEvents.CountAsync(e => e.Action == SecurityAuditActions.Violation && e.UserName == user.Identity!.Name, TestContext.Current.CancellationToken)).ShouldBe(1);
        (await context.MaintenanceWindows.AnyAsync(TestContext.Current.CancellationToken)).ShouldBeFalse();
    }

    [Theory]
    [InlineData(Roles.Admin, true)]
    [InlineData(Roles.Developer, false)]
    [InlineData(Roles.Viewer, false)]
    public void MayWorkDuring_IsWhoeverMaySwitchIt(string role, bool mayWork) =>
        MaintenanceStatus.MayWorkDuring(ServiceDatabase.Principal("someone@ava.local", role)).ShouldBe(mayWork);

    private Task<MaintenanceStatus> StartAsync(string message, DateTimeOffset? expectedEnd) =>
        _ops.Db.AsAsync<MaintenanceService, MaintenanceStatus>(_ops.Db.User, m => m.StartAsync(message, expectedEnd));
}
