using Ava.Domain.Audit;
using Ava.Domain.Prompts;
using Ava.Infrastructure.Audit;
using Ava.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ava.Infrastructure.Ai;

/// <summary>
/// Writes a run's record and, in the same transaction, the audit events it calls for: a test run,
/// a failed run, and a run whose input was flagged as a likely injection (with its reasons, so the
/// flag reaches the audit log with whatever the run produced).
/// </summary>
public sealed class PromptRunRecorder(IDbContextFactory<AvaDbContext> contexts, AuditTrail trail)
{
    internal async Task<long> RecordAsync(PromptRunRecord record, RunInjection injection, AuditActor? actor, CancellationToken cancellationToken)
    {
        // The model already answered (and may have cost money): the record is written even if the caller has gone.
        var token = CancellationToken.None;
        await using var db = await contexts.CreateDbContextAsync(token);
        await using var transaction = await db.Database.BeginTransactionAsync(token);
        var run = new PromptRun(record);
        db.PromptRuns.Add(run);
        await db.SaveChangesAsync(token);

        var resource = $"prompt-run/{run.Id}";
        var summary = new { run = run.Id, template = run.TemplateName, version = run.VersionNumber, subject = run.Subject, outcome = run.Outcome.ToString() };
        if (record.IsTest)
        {
            await AppendAsync(db, new AuditEntry(PromptAuditActions.TestRun, resource, run.Succeeded, run.Succeeded ? null : Failure(run), AuditTrail.Metadata(summary)), actor, token);
        }
        else if (!run.Succeeded)
        {
            await AppendAsync(db, new AuditEntry(PromptAuditActions.RunFailed, resource, false, Failure(run), AuditTrail.Metadata(summary)), actor, token);
        }

        if (injection.Flagged)
        {
            var metadata = AuditTrail.Metadata(new
            {
                summary.run, summary.template, summary.version, summary.subject, score = injection.Score,
                items = injection.Items.Where(i => i.Flagged).Select(i => new { i.Id, i.Score, i.Reasons }),
            });
            await AppendAsync(db, new AuditEntry(PromptAuditActions.InputFlagged, resource, true, $"Untrusted input scored {injection.Score:0.00} as a likely prompt injection.", metadata), actor, token);
        }

        await transaction.CommitAsync(token);
        return run.Id;
    }

    private Task AppendAsync(AvaDbContext db, AuditEntry entry, AuditActor? actor, CancellationToken token) =>
        actor is null ? trail.AppendAsync(db, entry, token) : trail.AppendAsync(db, entry, actor, token);

    private static string Failure(PromptRun run) => run.Error ?? string.Join("; ", run.ValidationErrors.Take(5));
}
