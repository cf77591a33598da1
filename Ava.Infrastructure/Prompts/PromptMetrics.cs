using Ava.Domain.Prompts;
using Ava.Domain.Security;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Ava.Infrastructure.Prompts;

/// <summary>What the product learned about a version's output after the run: viewer ratings, approvals of what it proposed.</summary>
/// <param name="Satisfaction">Average rating 1–5 of what the version wrote, or null without ratings.</param>
/// <param name="ApprovalRate">Approved share of the decided recommendations the version produced, or null without any.</param>
public sealed record VersionOutcomes(double? Satisfaction, int Ratings, double? ApprovalRate, int DecidedRecommendations);

/// <summary>
/// The extension point for metrics that live outside the runs (briefing ratings, approvals of code-review
/// recommendations): register one per workflow; each reports for the versions it knows about.
/// </summary>
public interface IPromptOutcomeSource
{
    Task<IReadOnlyDictionary<long, VersionOutcomes>> ReadAsync(AvaDbContext db, IReadOnlyCollection<long> versionIds, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}

/// <summary>One version's figures over the period, all computed from its PromptRun rows.</summary>
public sealed record VersionMetrics(
    long VersionId, string Version, bool IsActive, int Runs, double? SuccessRate, double? ValidationFailureRate, double? ProviderFailureRate,
    double? RetryRate, int? P50Ms, int? P95Ms, double? AverageTokensIn, double? AverageTokensOut, int EstimatedTokenRuns, int FlaggedRuns,
    VersionOutcomes? Outcomes);

/// <summary>One day of one version: for the charts.</summary>
public sealed record DailyVersionMetrics(DateOnly Day, string Version, int Runs, double SuccessRate, int P95Ms);

public sealed record PromptMetricsReport(
    string TemplateName, DateTimeOffset From, DateTimeOffset To, bool IncludesTestRuns, IReadOnlyList<VersionMetrics> Versions, IReadOnlyList<DailyVersionMetrics> Daily);

/// <summary>Per-version metrics of a template over a period, side by side (run_ai_prompts). Never smoothed: counts and percentiles of recorded runs.</summary>
public sealed class PromptMetricsQueries(IDbContextFactory<AvaDbContext> contexts, PermissionGuard guard, IEnumerable<IPromptOutcomeSource> outcomeSources)
{
    public const int MaxDays = 366;

    public async Task<PromptMetricsReport> ForTemplateAsync(string name, DateTimeOffset from, DateTimeOffset to, bool includeTestRuns = false, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(Permissions.RunAiPrompts);
        if (to <= from || to - from > TimeSpan.FromDays(MaxDays))
        {
            throw new InvalidValuesException(new Dictionary<string, string[]> { ["to"] = [$"The period must end after it starts and span at most {MaxDays} days."] });
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var template = await db.PromptTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Name == name, cancellationToken)
            ?? throw new NotFoundException($"There is no prompt template named {name}.");
        var versions = await db.PromptTemplateVersions.AsNoTracking().Where(v => v.TemplateId == template.Id)
            .Select(v => new { v.Id, v.Number, v.Major, v.Minor, v.Patch }).ToListAsync(cancellationToken);
        var runs = await db.PromptRuns.AsNoTracking()
            .Where(r => r.TemplateId == template.Id && r.StartedAt >= from && r.StartedAt < to && (includeTestRuns || !r.IsTest))
            .Select(r => new Sample(r.VersionId, r.Outcome, r.Attempts, r.DurationMs, r.TokensIn, r.TokensOut, r.TokensEstimated, r.Flagged, r.StartedAt))
            .ToListAsync(cancellationToken);

        var outcomes = new Dictionary<long, VersionOutcomes>();
        foreach (var source in outcomeSources)
        {
            foreach (var (versionId, value) in await source.ReadAsync(db, versions.Select(v => v.Id).ToList(), from, to, cancellationToken))
            {
                outcomes[versionId] = value;
            }
        }

        var byVersion = runs.ToLookup(r => r.VersionId);
        var metrics = versions
            .OrderByDescending(v => v.Major).ThenByDescending(v => v.Minor).ThenByDescending(v => v.Patch)
            .Select(v => Compute(v.Id, v.Number, v.Id == template.ActiveVersionId, byVersion[v.Id].ToList(), outcomes.GetValueOrDefault(v.Id)))
            .Where(m => m.Runs > 0 || m.IsActive || m.Outcomes is not null)
            .ToList();
        var numbers = versions.ToDictionary(v => v.Id, v => v.Number);
        var daily = runs.GroupBy(r => (Day: DateOnly.FromDateTime(r.StartedAt.UtcDateTime), r.VersionId))
            .OrderBy(g => g.Key.Day).ThenBy(g => numbers[g.Key.VersionId], StringComparer.Ordinal)
            .Select(g => new DailyVersionMetrics(g.Key.Day, numbers[g.Key.VersionId], g.Count(),
                g.Count(r => r.Outcome == PromptRunOutcome.Succeeded) / (double)g.Count(), Percentile(g.Select(r => r.DurationMs).Order().ToList(), 95)))
            .ToList();
        return new PromptMetricsReport(name, from, to, includeTestRuns, metrics, daily);
    }

    private static VersionMetrics Compute(long id, string number, bool active, List<Sample> runs, VersionOutcomes? outcomes)
    {
        if (runs.Count == 0)
        {
            return new VersionMetrics(id, number, active, 0, null, null, null, null, null, null, null, null, 0, 0, outcomes);
        }

        double Rate(Func<Sample, bool> predicate) => runs.Count(predicate) / (double)runs.Count;
        var durations = runs.Select(r => r.DurationMs).Order().ToList();
        return new VersionMetrics(
            id, number, active, runs.Count,
            Rate(r => r.Outcome == PromptRunOutcome.Succeeded),
            Rate(r => r.Outcome == PromptRunOutcome.ValidationFailed),
            Rate(r => r.Outcome == PromptRunOutcome.ProviderFailed),
            Rate(r => r.Attempts > 1),
            Percentile(durations, 50), Percentile(durations, 95),
            runs.Average(r => r.TokensIn), runs.Average(r => r.TokensOut),
            runs.Count(r => r.TokensEstimated), runs.Count(r => r.Flagged), outcomes);
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    internal static int Percentile(IReadOnlyList<int> sorted, int percentile) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];

    private sealed record Sample(long VersionId, PromptRunOutcome Outcome, int Attempts, int DurationMs, int TokensIn, int TokensOut, bool TokensEstimated, bool Flagged, DateTimeOffset StartedAt);
}
