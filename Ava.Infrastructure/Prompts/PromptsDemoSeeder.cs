using Ava.Domain.Streams;
using Ava.Infrastructure.Ai;
using Ava.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ava.Infrastructure.Prompts;

/// <summary>
/// Demo mode's test runs: an administrator trying both shipped versions on today's data. The
/// production runs of the demo come from the features that use the templates (the fortnight of
/// briefings, the code reviews), so /prompts shows metrics computed from real runs. Seeds once, when
/// no run exists; after the streams seeder and before the briefings and reviews. With a real model
/// configured it seeds nothing: starting the demo must not spend tokens.
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
        var codestones = await db.Codestones.AsNoTracking().OrderBy(c => c.Id).Take(16).ToListAsync(cancellationToken);
        var today = await db.Streams.AsNoTracking().Include(s => s.Tags)
            .Where(s => s.Status != StreamStatus.Archived && s.CreatedAt >= now.AddDays(-1))
            .OrderBy(s => s.Id)
            .ToListAsync(cancellationToken);
        await runner.RunAsSystemAsync(PromptInputs.Briefing(DateOnly.FromDateTime(now.UtcDateTime), today) with { IsTest = true, Version = "3.0.0", Subject = "test:morning_briefing/3.0.0" }, now.AddHours(-2), cancellationToken);
        if (codestones.Count > 0)
        {
            await runner.RunAsSystemAsync(PromptInputs.CodeReview(codestones[^1]) with { IsTest = true, Version = "2.0.0", Subject = "test:code_review/2.0.0" }, now.AddHours(-1), cancellationToken);
        }
    }
}
