using Ava.Domain.Commands;
using Ava.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ava.Infrastructure.Commands;

/// <summary>
/// Demo mode's execution history: a fortnight of runs of the demo commands by the demo admin (succeeded,
/// failed, timed out, cancelled) and one run waiting for a second person's approval. Seeds once, into an
/// empty table; the audit trail keeps only what really happens.
/// </summary>
internal sealed class CommandsDemoSeeder(IDbContextFactory<AvaDbContext> contexts, TimeProvider clock) : IDemoDataSeeder
{
    private const string Sandbox = "own user and PID namespace; as the dashboard's user; CPU 10 s; memory 256 MiB; 16 processes";
    private const string Admin = "admin@ava.local";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var adminId = await db.Users.Where(u => u.Email == Admin).Select(u => u.Id).SingleOrDefaultAsync(cancellationToken);
        if (adminId is null || await db.CommandExecutions.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var day = now.AddDays(-14).Date;
        var at = new DateTimeOffset(day, TimeSpan.Zero).AddHours(9);
        var runs = new (double AfterHours, string Command, string[] Arguments, CommandExecutionStatus Status, int? ExitCode, string StdOut, string StdErr, double Seconds, string? Message)[]
        {
            (0, "app-version", [], CommandExecutionStatus.Succeeded, 0, "Ava Prime Dashboard 1.0.0\n", "", 0.4, null),
            (20, "data-folder-usage", ["1"], CommandExecutionStatus.Succeeded, 0, "8.0K\tdata/backups\n1.9M\tdata\n", "", 0.1, null),
            (47, "database-size", [], CommandExecutionStatus.Succeeded, 0, "ava.db: 1970176 bytes, modified 2026-11-19 08:41:07.402118663 +0000\n", "", 0.1, null),
            (70, "system-activity", ["5"], CommandExecutionStatus.Succeeded, 0, VmStat(5), "", 4.1, null),
            (96, "recent-log-lines", ["50", "ava-20261104.log"], CommandExecutionStatus.Failed, 1, "",
                "tail: cannot open 'ava-20261104.log' for reading: No such file or directory\n", 0.1, "Exited with code 1."),
            (120, "system-activity", ["60"], CommandExecutionStatus.Cancelled, null, VmStat(12), "", 11.8,
                $"Cancelled by {Admin} while running; its whole process tree was killed."),
            (168, "data-folder-usage", ["3"], CommandExecutionStatus.TimedOut, null, "", "", 30.0,
                "Still running after its timeout of 30 s; its whole process tree was killed."),
            (200, "recent-log-lines", ["20", $"ava-{now.AddDays(-5):yyyyMMdd}.log"], CommandExecutionStatus.Succeeded, 0,
                "{\"@t\":\"2026-11-26T08:00:02.1Z\",\"@mt\":\"Workflow {Workflow} finished\",\"Workflow\":\"archive-old-streams\"}\n", "", 0.1, null),
            (260, "database-size", [], CommandExecutionStatus.Succeeded, 0, "ava.db: 2203648 bytes, modified 2026-11-25 17:12:44.118302211 +0000\n", "", 0.1, null),
        };

        foreach (var run in runs.Where(r => at.AddHours(r.AfterHours) < now))
        {
            var requested = at.AddHours(run.AfterHours);
            var execution = new CommandExecution(run.Command, run.Arguments, CommandDecision.Allow, adminId, Admin, requested);
            execution.AttachJob($"demo-{Guid.NewGuid():N}");
            execution.Start(Sandbox, requested.AddSeconds(0.3));
            if (run.Status == CommandExecutionStatus.Cancelled)
            {
                execution.RequestCancel(Admin, requested.AddSeconds(0.3 + run.Seconds));
            }

            execution.RecordOutput(run.StdOut, run.StdErr, run.StdOut.Length, run.StdErr.Length);
            execution.Finish(run.Status, run.ExitCode, run.Message, requested.AddSeconds(0.3 + run.Seconds));
            db.CommandExecutions.Add(execution);
        }

        db.CommandExecutions.Add(new CommandExecution("list-accounts", [], CommandDecision.Approval, adminId, Admin, now.AddMinutes(-20)));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string VmStat(int lines) =>
        "procs -----------memory---------- ---swap-- -----io---- -system-- ------cpu-----\n" +
        " r  b   swpd   free   buff  cache   si   so    bi    bo   in   cs us sy id wa st\n" +
        string.Concat(Enumerable.Range(0, lines).Select(i =>
            $" {i % 3}  0      0 {1843200 - (i * 1024),6} 104512 2211840    0    0     {i % 4}    {12 + (i * 3 % 40),2}  {310 + (i * 17 % 90)}  {540 + (i * 31 % 200)}  {3 + (i % 5)}  1 {95 - (i % 5)}  0  0\n"));
}
