using Ava.Domain.Audit;
using Ava.Domain.Security;
using Ava.Domain.Workflows;
using Ava.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ava.Infrastructure.Audit;

/// <summary>Three weeks of plausible audit history for demo mode, so the audit page has something to show.</summary>
internal sealed class AuditDemoSeeder(IDbContextFactory<AvaDbContext> contexts, AuditTrail trail, TimeProvider clock) : IDemoDataSeeder
{
    private static readonly string[] Addresses = ["10.20.1.15", "10.20.1.22", "10.20.4.7", "192.168.8.31"];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.AuditEvents.AnyAsync(cancellationToken))
        {
            return;
        }

        var users = await db.Users.AsNoTracking().Select(u => new { u.Id, u.Email }).ToListAsync(cancellationToken);
        string? IdOf(string email) => users.FirstOrDefault(u => u.Email == email)?.Id;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await trail.AppendHistoryAsync(db, History(clock.GetUtcNow(), IdOf), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The demo history in time order (the chain's order is the order things happened).</summary>
    internal static IEnumerable<(DateTimeOffset At, AuditEntry Entry, AuditActor Actor)> History(DateTimeOffset now, Func<string, string?> idOf) =>
        Events(now, idOf).Where(e => e.Item1 <= now).OrderBy(e => e.Item1).ToList();

    private static IEnumerable<(DateTimeOffset, AuditEntry, AuditActor)> Events(DateTimeOffset now, Func<string, string?> idOf)
    {
        var random = new Random(20261101);
        var start = now.AddDays(-21).Date;
        var people = DatabaseInitializer.DemoUsers.Select(u => u.Email).ToArray();

        AuditActor Actor(string email, string ip) => new(idOf(email), email, ip, $"demo-{random.Next():x8}");

        var at = new DateTimeOffset(start, TimeSpan.Zero).AddHours(8);
        yield return (at, new AuditEntry(UserAuditActions.Created, "user/developer@ava.local", true, Metadata: AuditTrail.Metadata(new { role = Roles.Developer })), Actor("admin@ava.local", Addresses[0]));
        yield return (at.AddMinutes(2), new AuditEntry(UserAuditActions.Created, "user/viewer@ava.local", true, Metadata: AuditTrail.Metadata(new { role = Roles.Viewer })), Actor("admin@ava.local", Addresses[0]));

        for (var day = 0; day < 21; day++)
        {
            var morning = new DateTimeOffset(start.AddDays(day), TimeSpan.Zero).AddHours(7 + random.Next(0, 3));
            if (morning > now)
            {
                yield break;
            }

            foreach (var email in people)
            {
                var ip = Addresses[random.Next(Addresses.Length)];
                morning = morning.AddMinutes(random.Next(3, 40));
                if (random.NextDouble() < 0.15)
                {
                    yield return (morning, new AuditEntry(AccountAuditActions.SignInFailed, "account", false, "bad password"), Actor(email, ip));
                    morning = morning.AddMinutes(1);
                }

                yield return (morning, new AuditEntry(AccountAuditActions.SignInSucceeded, "account", true), Actor(email, ip));
                if (random.NextDouble() < 0.6)
                {
                    yield return (morning.AddHours(random.Next(4, 9)), new AuditEntry(AccountAuditActions.SignOut, "account", true), Actor(email, ip));
                }
            }

            if (random.NextDouble() < 0.25)
            {
                var stranger = new AuditActor(null, $"it-{random.Next(100, 999)}@contoso.example", "203.0.113." + random.Next(2, 250), null);
                yield return (morning.AddMinutes(5), new AuditEntry(AccountAuditActions.SignInFailed, "account", false, "unknown user"), stranger);
            }

            if (day == 6)
            {
                var viewer = Actor("viewer@ava.local", Addresses[2]);
                foreach (var minute in new[] { 1, 2, 4 })
                {
                    yield return (morning.AddMinutes(30 + minute), new AuditEntry(SecurityAuditActions.Violation, "page:/admin/users", false, $"Missing permission '{Permissions.ManageUsers}'.", AuditTrail.Metadata(new { permission = Permissions.ManageUsers })), viewer);
                }
            }

            if (day == 9)
            {
                yield return (morning.AddHours(1), new AuditEntry(UserAuditActions.ApproverGranted, "user/developer@ava.local", true), Actor("admin@ava.local", Addresses[0]));
            }

            if (day == 13)
            {
                yield return (morning.AddHours(2), new AuditEntry(WorkflowAuditActions.Failed, "workflow/prune-workflow-runs", false, "database is locked", AuditTrail.Metadata(new { attempts = 4 })), AuditActor.System());
                yield return (morning.AddHours(3), new AuditEntry(AccountAuditActions.PasswordChanged, "account", true), Actor("developer@ava.local", Addresses[1]));
            }

            if (day == 17)
            {
                yield return (morning.AddHours(1), new AuditEntry(AuditLogActions.Exported, "audit", true, Metadata: AuditTrail.Metadata(new { rows = 412 })), Actor("admin@ava.local", Addresses[0]));
            }
        }
    }
}
