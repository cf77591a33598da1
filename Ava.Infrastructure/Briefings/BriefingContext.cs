using Ava.Domain.Streams;
using Ava.Infrastructure.Ai;
using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Prompts;
using Microsoft.EntityFrameworkCore;

namespace Ava.Infrastructure.Briefings;

/// <summary>
/// What one briefing reads: the non-archived streams created in its period, best-ranked first (at most as
/// many as could ever fit the token budget), how many the period held, and what changed in the product.
/// </summary>
public sealed record BriefingContext(DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<IntelligenceStream> Candidates, int StreamsInPeriod, ProductChanges Changes)
{
    /// <summary>The pipeline request: one untrusted item per candidate stream and one for the product's changes, for <paramref name="version"/>.</summary>
    public PromptRunRequest ToRequest(DateOnly date, string version) =>
        PromptInputs.Briefing(date, Candidates, productChanges: Changes.ToText()) with { Version = version };
}

/// <summary>
/// Builds a <see cref="BriefingContext"/> in the database: the seeds' ranking (Now = 20, otherwise 10,
/// +5 when the ECL is 0.8 or more, <see cref="PromptInputs.BriefingPriority"/>) is computed by the query
/// itself, newest first within a rank, so a day of 10,000 streams is never loaded to keep a few hundred.
/// The pipeline then fits the candidates into the version's token budget by the same priorities.
/// </summary>
public static class BriefingContextBuilder
{
    /// <summary>
    /// No stream item is shorter than this many tokens once wrapped (the boundary markers alone take
    /// about 30), so a budget of N tokens can hold at most N / 32 streams: more candidates are never read.
    /// </summary>
    public const int MinTokensPerStream = 32;

    public const int MaxCandidates = 10_000;

    public static int CandidateLimit(int contextTokens) => Math.Clamp(contextTokens / MinTokensPerStream + 1, 1, MaxCandidates);

    public static async Task<BriefingContext> BuildAsync(AvaDbContext db, DateTimeOffset start, DateTimeOffset end, int contextTokens, CancellationToken cancellationToken)
    {
        var inPeriod = db.Streams.AsNoTracking()
            .Where(s => s.CreatedAt >= start && s.CreatedAt < end && s.Status != StreamStatus.Archived);
        var count = await inPeriod.CountAsync(cancellationToken);
        var candidates = await inPeriod
            .OrderByDescending(s => (s.Priority == StreamPriority.Now ? 20 : 10) + (s.EclScore >= 0.8 ? 5 : 0))
            .ThenByDescending(s => s.CreatedAt)
            .ThenByDescending(s => s.Id)
            .Take(CandidateLimit(contextTokens))
            .Include(s => s.Tags)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var changes = await ProductChanges.ReadAsync(db, start, end, cancellationToken);
        return new BriefingContext(start, end, candidates, count, changes);
    }
}
