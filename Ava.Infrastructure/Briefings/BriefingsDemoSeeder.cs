using Ava.Domain.Briefings;
using Ava.Infrastructure.Ai;
using Ava.Infrastructure.Configuration;
using Ava.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ava.Infrastructure.Briefings;

/// <summary>
/// Demo mode's fortnight of briefings: the offline generator really writes the last 14 days (today
/// included) through the AI pipeline from the demo streams, each as the system would have at 06:00 of
/// its day, and the demo users rate some of them, so the reader, the list and the template's
/// satisfaction have something to show. Seeds once, when no briefing exists; after the streams. With a
/// real model configured it seeds nothing: starting the demo must not spend tokens.
/// </summary>
internal sealed class BriefingsDemoSeeder(
    IDbContextFactory<AvaDbContext> contexts,
    BriefingGenerator generator,
    IAiProvider provider,
    IOptions<BriefingOptions> options,
    TimeProvider clock) : IDemoDataSeeder
{
    public const int Days = 14;

    private static readonly string?[] Comments =
    [
        "Useful: the urgent items were exactly the ones on my list.",
        null,
        "Too long for a morning read.",
        null,
        "The risks section caught the failing export before I did.",
        null,
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (provider.IsEnabled || await db.MorningBriefings.AnyAsync(cancellationToken) || !await db.Streams.AnyAsync(cancellationToken))
            {
                return;
            }
        }

        var settings = options.Value;
        var now = clock.GetUtcNow();
        var today = settings.DateAt(now);
        for (var day = Days - 1; day >= 0; day--)
        {
            var date = today.AddDays(-day);
            var sixInTheMorning = settings.EndOf(date).AddHours(-18);
            await generator.GenerateHistoryAsync(date, sixInTheMorning < now ? sixInTheMorning : now, cancellationToken);
        }

        await RateAsync(today, now, cancellationToken);
    }

    /// <summary>The demo users' ratings of earlier days (today's is left for the reader to give).</summary>
    private async Task RateAsync(DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var users = await db.Users.AsNoTracking()
            .Where(u => DatabaseInitializer.DemoUsers.Select(d => d.Email).Contains(u.Email!))
            .Select(u => new { u.Id, u.Email })
            .ToListAsync(cancellationToken);
        var briefings = await db.MorningBriefings.AsNoTracking().Where(b => b.SupersededAt == null && b.Date < today).OrderBy(b => b.Date).ToListAsync(cancellationToken);
        for (var i = 0; i < briefings.Count; i++)
        {
            for (var u = 0; u < users.Count; u++)
            {
                // The viewer rates most days, the developer every other day, the admin now and then.
                var rates = users[u].Email switch
                {
                    "viewer@ava.local" => i % 4 != 3,
                    "developer@ava.local" => i % 2 == 0,
                    _ => i % 3 == 1,
                };
                if (!rates)
                {
                    continue;
                }

                var stars = 2 + (i * 7 + u * 3) % 4;
                var at = briefings[i].GeneratedAt.AddHours(2 + u);
                db.BriefingRatings.Add(new BriefingRating(briefings[i], users[u].Id, users[u].Email!, stars, Comments[(i + u) % Comments.Length], at < now ? at : now));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
