using Ava.Domain.Codestones;
using Ava.Domain.Streams;
using Ava.Infrastructure.Codestones;
using Ava.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ava.Infrastructure.Streams;

/// <summary>
/// Demo mode's streams (about 200 over the last 60 days, so archive-old-streams has work) and
/// codestones (about 40, a few with problems a reviewer should find). Seeds once, into empty tables.
/// </summary>
internal sealed class StreamsDemoSeeder(IDbContextFactory<AvaDbContext> contexts, TimeProvider clock) : IDemoDataSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await db.Streams.AnyAsync(cancellationToken))
        {
            foreach (var (values, ageDays, ageMinutes, author) in StreamDemoData.Generate())
            {
                db.Streams.Add(new IntelligenceStream(values, author, now.AddDays(-ageDays).AddMinutes(-ageMinutes)));
            }
        }

        if (!await db.Codestones.AnyAsync(cancellationToken))
        {
            foreach (var (values, author, ageDays) in CodestoneDemoData.All)
            {
                db.Codestones.Add(new Codestone(values, author, now.AddDays(-ageDays)));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
