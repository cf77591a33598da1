using System.Globalization;
using System.Text;
using Ava.Domain.Recommendations;
using Ava.Domain.Workflows;
using Ava.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ava.Infrastructure.Briefings;

/// <summary>
/// What changed in the product itself over a briefing's period: recommendations decided, changesets
/// applied and rolled back, alerts still open, workflows that failed. Each list is counted in full and
/// shown up to <see cref="MaxListed"/> lines, so the text stays small whatever happened.
/// </summary>
public sealed record ProductChanges(
    DateTimeOffset Start,
    DateTimeOffset End,
    IReadOnlyDictionary<RecommendationStatus, int> Decided,
    IReadOnlyList<string> DecidedLines,
    int ChangeSetsApplied,
    int ChangeSetsRolledBack,
    IReadOnlyList<string> ChangeSetLines,
    int OpenAlerts,
    IReadOnlyList<string> AlertLines,
    int FailedWorkflows,
    IReadOnlyList<string> FailedWorkflowLines)
{
    public const int MaxListed = 8;

    public int DecidedCount => Decided.Values.Sum();

    public bool IsEmpty => DecidedCount == 0 && ChangeSetsApplied == 0 && ChangeSetsRolledBack == 0 && OpenAlerts == 0 && FailedWorkflows == 0;

    public static async Task<ProductChanges> ReadAsync(AvaDbContext db, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var decided = await db.Recommendations.AsNoTracking()
            .Where(r => r.DecidedAt >= start && r.DecidedAt < end && r.Status != RecommendationStatus.Pending)
            .OrderByDescending(r => r.DecidedAt).ThenByDescending(r => r.Id)
            .Select(r => new { r.Id, r.Status, r.DecidedBy, r.TargetSummary, r.ChangeSummary })
            .ToListAsync(cancellationToken);
        var applied = await db.ChangeSets.AsNoTracking()
            .Where(c => c.AppliedAt >= start && c.AppliedAt < end)
            .OrderByDescending(c => c.AppliedAt).ThenByDescending(c => c.Id)
            .Select(c => new { c.Id, c.AppliedBy, c.EntityCount })
            .ToListAsync(cancellationToken);
        var rolledBack = await db.ChangeSets.AsNoTracking()
            .Where(c => c.RolledBackAt >= start && c.RolledBackAt < end)
            .OrderByDescending(c => c.RolledBackAt).ThenByDescending(c => c.Id)
            .Select(c => new { c.Id, c.RolledBackBy, c.RollbackReason })
            .ToListAsync(cancellationToken);
        var alerts = await db.Alerts.AsNoTracking()
            .Where(a => a.AcknowledgedAt == null && a.RaisedAt < end)
            .OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id)
            .Select(a => new { a.Severity, a.Kind, a.Subject, a.Message })
            .ToListAsync(cancellationToken);
        var failed = await db.WorkflowRuns.AsNoTracking()
            .Where(r => r.Status == WorkflowStatus.Failed && r.EndedAt >= start && r.EndedAt < end)
            .OrderByDescending(r => r.EndedAt).ThenByDescending(r => r.Id)
            .Select(r => new { r.WorkflowName, r.Attempts, r.Error })
            .ToListAsync(cancellationToken);

        return new ProductChanges(
            start,
            end,
            decided.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count()),
            decided.Take(MaxListed).Select(r => $"#{r.Id} {r.Status} by {r.DecidedBy}: {r.TargetSummary} ({r.ChangeSummary})").ToList(),
            applied.Count,
            rolledBack.Count,
            applied.Take(MaxListed).Select(c => $"#{c.Id} applied by {c.AppliedBy}: {c.EntityCount} entit{(c.EntityCount == 1 ? "y" : "ies")}")
                .Concat(rolledBack.Take(MaxListed).Select(c => $"#{c.Id} rolled back by {c.RolledBackBy}: {FirstLine(c.RollbackReason)}")).ToList(),
            alerts.Count,
            alerts.Take(MaxListed).Select(a => $"{a.Severity} {a.Kind} ({a.Subject}): {FirstLine(a.Message)}").ToList(),
            failed.Count,
            failed.Take(MaxListed).Select(r => $"{r.WorkflowName} failed after {r.Attempts} attempt{(r.Attempts == 1 ? "" : "s")}: {FirstLine(r.Error)}").ToList());
    }

    /// <summary>
    /// The text the prompt carries: "Key: count" lines a reader (or the offline generator) can pick out,
    /// each followed by its listed items. Titles, reasons and messages in it were written by people and
    /// assistants, so the prompt treats the whole text as untrusted.
    /// </summary>
    public string ToText()
    {
        var text = new StringBuilder()
            .Append("What changed in the product from ").Append(Stamp(Start)).Append(" to ").Append(Stamp(End)).Append(":\n");
        text.Append("Recommendations decided: ").Append(DecidedCount.ToString(CultureInfo.InvariantCulture));
        if (DecidedCount > 0)
        {
            text.Append(" (").Append(string.Join(", ", Decided.OrderBy(d => d.Key).Select(d => $"{d.Key} {d.Value}"))).Append(')');
        }

        text.Append('\n');
        List(text, DecidedLines, DecidedCount);
        text.Append("Changesets applied: ").Append(ChangeSetsApplied.ToString(CultureInfo.InvariantCulture)).Append('\n');
        text.Append("Changesets rolled back: ").Append(ChangeSetsRolledBack.ToString(CultureInfo.InvariantCulture)).Append('\n');
        List(text, ChangeSetLines, ChangeSetsApplied + ChangeSetsRolledBack);
        text.Append("Open alerts: ").Append(OpenAlerts.ToString(CultureInfo.InvariantCulture)).Append('\n');
        List(text, AlertLines, OpenAlerts);
        text.Append("Failed workflows: ").Append(FailedWorkflows.ToString(CultureInfo.InvariantCulture)).Append('\n');
        List(text, FailedWorkflowLines, FailedWorkflows);
        return text.ToString().TrimEnd();
    }

    private static void List(StringBuilder text, IReadOnlyList<string> lines, int total)
    {
        foreach (var line in lines)
        {
            text.Append("- ").Append(line).Append('\n');
        }

        if (total > lines.Count)
        {
            text.Append("- and ").Append((total - lines.Count).ToString(CultureInfo.InvariantCulture)).Append(" more\n");
        }
    }

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string FirstLine(string? text)
    {
        var line = (text ?? "").Split('\n', 2)[0].Trim();
        return line.Length > 160 ? line[..159] + "…" : line.Length == 0 ? "no details" : line;
    }
}
