using Ava.Domain.Audit;
using Ava.Domain.Security;
using Ava.Domain.Streams;
using Ava.Domain.Workflows;
using Ava.Infrastructure.Audit;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Identity;
using Ava.Infrastructure.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Tests.Infrastructure.Audit;

public sealed class AuditTrailTests : IAsyncLifetime
{
    private ServiceDatabase _db = default!;

    public async ValueTask InitializeAsync() => _db = await ServiceDatabase.CreateAsync();

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task VerifyAsync_ReportsIntact_WhenChainIsUntouched()
    {
        await AppendEventsAsync(12);

        var result = await VerifyAsAdminAsync();

        result.IsIntact.ShouldBeTrue();
        result.EventsChecked.ShouldBe(12);
        result.Message.ShouldStartWith("Intact, 12 events.");
        result.Message.ShouldContain("Checkpoints are off");
    }

    [Fact]
    public async Task VerifyAsync_NamesTheEvent_WhenOneFieldWasChangedWithRawSql()
    {
        await AppendEventsAsync(10);
        await _db.ExecuteRawAsync("DROP TRIGGER AuditEvents_NoUpdate; UPDATE AuditEvents SET Resource = 'nothing to see' WHERE Sequence = 5;");

        var result = await VerifyAsAdminAsync();

        result.IsIntact.ShouldBeFalse();
        result.FirstBadSequence.ShouldBe(5);
        result.EventsChecked.ShouldBe(4);
        result.Message.ShouldContain("#5 was altered");
    }

    [Fact]
    public async Task VerifyAsync_ReportsTheGap_WhenAnEventWasDeleted()
    {
        await AppendEventsAsync(10);
        await _db.ExecuteRawAsync("DROP TRIGGER AuditEvents_NoDelete; DELETE FROM AuditEvents WHERE Sequence = 4;");

        var result = await VerifyAsAdminAsync();

        result.IsIntact.ShouldBeFalse();
        result.FirstBadSequence.ShouldBe(5);
        result.Message.ShouldContain("#4 is missing");
    }

    [Fact]
    public async Task VerifyAsync_DetectsARewrittenChain_WhenHashesWereRecomputedWithoutRelinking()
    {
        await AppendEventsAsync(6);
        await _db.ExecuteRawAsync("DROP TRIGGER AuditEvents_NoUpdate; UPDATE AuditEvents SET Hash = PreviousHash WHERE Sequence = 3;");

        var result = await VerifyAsAdminAsync();

        result.IsIntact.ShouldBeFalse();
        result.FirstBadSequence.ShouldBe(3);
    }

    [Fact]
    public async Task RecordAsync_KeepsOneUnbrokenChain_Under200ParallelAppends()
    {
        await Parallel.ForEachAsync(Enumerable.Range(1, 200), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
        {
            await using var scope = _db.Services.CreateAsyncScope();
            await _db.Get<AuditTrail>(scope).RecordAsync(new AuditEntry(AuditLogActions.Exported, $"item/{i}", true));
        });

        await using var context = _db.NewContext();
        var sequences = await context.AuditEvents.OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync();
        sequences.ShouldBe(Enumerable.Range(1, 200).Select(i => (long)i));
        var result = await VerifyAsAdminAsync();
        result.IsIntact.ShouldBeTrue();
        result.EventsChecked.ShouldBe(200);
    }

    [Fact]
    public async Task AppendAsync_LeavesNoEvent_WhenTheChangesTransactionFails()
    {
        await using (var scope = _db.Services.CreateAsyncScope())
        await using (var context = _db.NewContext())
        {
            await using var transaction = await context.Database.BeginTransactionAsync();
            context.WorkflowRuns.Add(new WorkflowRun("job-1", "first", WorkflowTriggers.Schedule, "{}", DateTimeOffset.UtcNow));
            await context.SaveChangesAsync();
            await _db.Get<AuditTrail>(scope).AppendAsync(context, new AuditEntry(StreamAuditActions.Updated, "thing/1", true));

            // The business change then fails (a unique index refuses it) and the transaction is never committed.
            context.WorkflowRuns.Add(new WorkflowRun("job-1", "duplicate", WorkflowTriggers.Schedule, "{}", DateTimeOffset.UtcNow));
            await Should.ThrowAsync<DbUpdateException>(() => context.SaveChangesAsync());
        }

        await using var check = _db.NewContext();
        (await check.AuditEvents.CountAsync()).ShouldBe(0);
        (await check.WorkflowRuns.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task CreateUserAsync_LeavesNoEvent_WhenIdentityRefusesTheUser()
    {
        _db.User = ServiceDatabase.Principal("admin@ava.local", Roles.Admin);
        await using var scope = _db.Services.CreateAsyncScope();
        var users = _db.Get<UserAdministrationService>(scope);
        await users.CreateUserAsync("first@ava.local", Roles.Viewer);

        await Should.ThrowAsync<Ava.Domain.Common.DomainException>(() => users.CreateUserAsync("first@ava.local", Roles.Viewer));

        await using var context = _db.NewContext();
        (await context.AuditEvents.CountAsync(e => e.Action == UserAuditActions.Created)).ShouldBe(1);
        (await context.Users.CountAsync(u => u.Email == "first@ava.local")).ShouldBe(1);
    }

    [Fact]
    public async Task DemandAsync_RecordsExactlyOneViolation_WhenServiceRefusesTheCaller()
    {
        _db.User = ServiceDatabase.Principal("viewer@ava.local", Roles.Viewer);
        await using var scope = _db.Services.CreateAsyncScope();

        var refusal = await Should.ThrowAsync<PermissionDeniedException>(() => _db.Get<UserAdministrationService>(scope).ListUsersAsync(null, new PageRequest(0, 10)));

        refusal.Permission.ShouldBe(Permissions.ManageUsers);
        await using var context = _db.NewContext();
        var events = await context.AuditEvents.ToListAsync();
        events.Count.ShouldBe(1);
        events[0].Action.ShouldBe(SecurityAuditActions.Violation);
        events[0].UserName.ShouldBe("viewer@ava.local");
        events[0].Resource.ShouldBe("service:UserAdministrationService.ListUsersAsync");
        events[0].Error!.ShouldContain("manage_users");
        events[0].Success.ShouldBeFalse();
    }

    [Theory]
    [InlineData("UPDATE AuditEvents SET Action = 'x'")]
    [InlineData("DELETE FROM AuditEvents")]
    public async Task Triggers_RefuseToChangeEvents_OnSqlite(string sql)
    {
        await AppendEventsAsync(2);

        var failure = await Should.ThrowAsync<SqliteException>(() => _db.ExecuteRawAsync(sql));

        failure.Message.ShouldContain("append-only");
        await using var context = _db.NewContext();
        (await context.AuditEvents.CountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task RecordViolationAsync_RaisesOneAlert_AtTheFifthViolationWithinTenMinutes()
    {
        _db.User = ServiceDatabase.Principal("viewer@ava.local", Roles.Viewer);
        await using var scope = _db.Services.CreateAsyncScope();
        var trail = _db.Get<AuditTrail>(scope);

        for (var i = 1; i <= 4; i++)
        {
            await trail.RecordViolationAsync(Permissions.ManageUsers, $"page:/admin/users?try={i}");
        }

        await using (var before = _db.NewContext())
        {
            (await before.Alerts.CountAsync()).ShouldBe(0);
        }

        await trail.RecordViolationAsync(Permissions.ManageUsers, "page:/admin/users?try=5");
        await trail.RecordViolationAsync(Permissions.ManageUsers, "page:/admin/users?try=6");

        await using var context = _db.NewContext();
        var alert = await context.Alerts.SingleAsync();
        alert.Subject.ShouldBe("viewer@ava.local");
        alert.Kind.ShouldBe(Ava.Domain.Alerts.Alert.SecurityViolationsKind);
        alert.IsAcknowledged.ShouldBeFalse();
    }

    [Fact]
    public async Task ExportCsvAsync_WritesTheFilteredRows_AndRecordsTheExport()
    {
        await using (var seed = _db.Services.CreateAsyncScope())
        {
            var trail = _db.Get<AuditTrail>(seed);
            await trail.RecordAsync(new AuditEntry(AccountAuditActions.SignInFailed, "account", false, "bad password"));
            await trail.RecordAsync(new AuditEntry(AccountAuditActions.SignInSucceeded, "account", true));
            await trail.RecordAsync(new AuditEntry(AccountAuditActions.SignInFailed, "account", false, "unknown, \"quoted\" user"));
        }

        _db.User = ServiceDatabase.Principal("admin@ava.local", Roles.Admin);
        await using var scope = _db.Services.CreateAsyncScope();
        var output = new StringWriter();

        var rows = await _db.Get<AuditQueries>(scope).ExportCsvAsync(new AuditFilter(Action: AccountAuditActions.SignInFailed), output);

        rows.ShouldBe(2);
        var lines = output.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(3);
        lines[0].ShouldStartWith("Sequence,TimestampUtc,User,Action");
        lines[1].ShouldContain("\"unknown, \"\"quoted\"\" user\"");
        lines[2].ShouldContain("bad password");
        await using var context = _db.NewContext();
        var exported = await context.AuditEvents.SingleAsync(e => e.Action == AuditLogActions.Exported);
        exported.UserName.ShouldBe("admin@ava.local");
        exported.Metadata!.ShouldContain("\"rows\":2");
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\")", "'=HYPERLINK(\"http://evil.example\")")]
    [InlineData("+1+2", "'+1+2")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("alice@ava.local", "alice@ava.local")]
    [InlineData(null, "")]
    public void Cell_NeutralizesSpreadsheetFormulas(string? value, string expected)
    {
        AuditQueries.Cell(value).ShouldBe(expected);
    }

    [Fact]
    public async Task ListAsync_FiltersAndPagesNewestFirst()
    {
        await AppendEventsAsync(30);
        _db.User = ServiceDatabase.Principal("admin@ava.local", Roles.Admin);
        await using var scope = _db.Services.CreateAsyncScope();
        var queries = _db.Get<AuditQueries>(scope);

        var all = await queries.ListAsync(new AuditFilter(), new PageRequest(1, 10));
        var failures = await queries.ListAsync(new AuditFilter(Success: false, Text: "item/2"), new PageRequest(0, 50));

        all.Total.ShouldBe(30);
        all.Items.Select(e => e.Sequence).ShouldBe(Enumerable.Range(11, 10).Select(i => (long)(31 - i)));
        failures.Items.ShouldAllBe(e => !e.Success && e.Resource.Contains("item/2"));
        failures.Total.ShouldBe(failures.Items.Count);
        failures.Total.ShouldBeGreaterThan(0);
    }

    private async Task AppendEventsAsync(int count)
    {
        await using var scope = _db.Services.CreateAsyncScope();
        var trail = _db.Get<AuditTrail>(scope);
        for (var i = 1; i <= count; i++)
        {
            await trail.RecordAsync(new AuditEntry(AuditLogActions.Exported, $"item/{i}", i % 3 != 0, i % 3 == 0 ? "failed on purpose" : null, $"{{\"n\":{i}}}"));
        }
    }

    private async Task<ChainVerification> VerifyAsAdminAsync()
    {
        var previous = _db.User;
        _db.User = ServiceDatabase.Principal("admin@ava.local", Roles.Admin);
        try
        {
            await using var scope = _db.Services.CreateAsyncScope();
            return await _db.Get<AuditChainVerifier>(scope).VerifyAsync();
        }
        finally
        {
            _db.User = previous;
        }
    }
}
