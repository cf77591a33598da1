using Ava.Domain.Streams;
using Ava.Infrastructure.Ai;
using Ava.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ava.Infrastructure.Prompts;

/// <summary>
/// Demo mode's prompt history: the offline generator really runs both templates through the AI
/// pipeline over the demo streams and codestones (14 briefings, 16 reviews and a few test runs), so
/// the metrics on /prompts are computed from real runs. The runs are dated over the last two weeks,
/// like the rest of the demo data. Seeds once, when no run exists; after the streams seeder. With a
/// real model configured it seeds nothing: starting the demo must not spend tokens.
/// </summary>
internal sealed class PromptsDemoSeeder(IDbContextFactory<AvaDbContext> contexts, PromptRunner runner, IAiProvider provider, TimeProvider clock) : IDemoDataSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (provider.IsEnabled || await db.PromptRuns.AnyAsync(cancellationToken) || !await db.Streams.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var streams = await db.Streams.AsNoTracking().Include(s => s.Tags)
            .Where(s => s.Status != StreamStatus.Archived && s.CreatedAt >= now.AddDays(-15))
            .ToListAsync(cancellationToken);
        for (var day = 14; day >= 1; day--)
        {
            var end = now.AddDays(-day + 1);
            var window = streams.Where(s => s.CreatedAt >= end.AddDays(-1) && s.CreatedAt < end).OrderBy(s => s.Id).ToList();
            var request = PromptInputs.Briefing(DateOnly.FromDateTime(end.UtcDateTime), window);
            await runner.RunAsSystemAsync(request, end.AddHours(-18), cancellationToken);
        }

        var codestones = await db.Codestones.AsNoTracking().OrderBy(c => c.Id).Take(16).ToListAsync(cancellationToken);
        for (var i = 0; i < codestones.Count; i++)
        {
            await runner.RunAsSystemAsync(PromptInputs.CodeReview(codestones[i]), now.AddDays(-13 + i * 0.8).AddMinutes(-37 * i), cancellationToken);
        }

        // Two test runs, as an administrator trying the shipped versions on today's data.
        var today = streams.Where(s => s.CreatedAt >= now.AddDays(-1)).OrderBy(s => s.Id).ToList();
        await runner.RunAsSystemAsync(PromptInputs.Briefing(DateOnly.FromDateTime(now.UtcDateTime), today) with { IsTest = true, Version = "3.0.0", Subject = "test:morning_briefing/3.0.0" }, now.AddHours(-2), cancellationToken);
        if (codestones.Count > 0)
        {
            await runner.RunAsSystemAsync(PromptInputs.CodeReview(codestones[^1]) with { IsTest = true, Version = "2.0.0", Subject = "test:code_review/2.0.0" }, now.AddHours(-1), cancellationToken);
        }
    }
}
