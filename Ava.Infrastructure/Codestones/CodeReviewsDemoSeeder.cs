using Ava.Domain.Codestones;
using Ava.Infrastructure.Ai;
using Ava.Infrastructure.Identity;
using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Workflows;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Ava.Infrastructure.Codestones;

/// <summary>
/// Demo mode's code reviews: the demo developer asks for a review of the first dozen demo codestones and
/// the offline generator really reviews each one through the AI pipeline and the same runner as the
/// code-review job (the model runs recorded over the last twelve days), so the codestones with real problems (a hard-coded key, SQL built by concatenation,
/// eval) get low scores and security issues and the good ones high scores, and every review's
/// recommendation goes through the intake into the approval queue (the worst ones escalated with a
/// ticket). Seeds once, when no review exists; after the approvals' own demo data. With a real model
/// configured it seeds nothing: starting the demo must not spend tokens.
/// </summary>
internal sealed class CodeReviewsDemoSeeder(
    IDbContextFactory<AvaDbContext> contexts,
    CodeReviewRunner reviewer,
    IAiProvider provider,
    UserManager<AvaUser> users,
    IUserClaimsPrincipalFactory<AvaUser> principals,
    TimeProvider clock) : IDemoDataSeeder
{
    public const int Reviews = 12;
    private const string Requester = "developer@ava.local";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        List<long> codestones;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (provider.IsEnabled || await db.CodeReviews.AnyAsync(cancellationToken))
            {
                return;
            }

            codestones = await db.Codestones.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Id).Take(Reviews).ToListAsync(cancellationToken);
        }

        if (await users.FindByEmailAsync(Requester) is not { } developer || codestones.Count == 0)
        {
            return;
        }

        // Asked for over the last twelve days, one a day, so the template's metrics have a history.
        using var caller = WorkflowCaller.Begin(WorkflowCaller.ForUser(await principals.CreateAsync(developer)));
        var now = clock.GetUtcNow();
        for (var i = 0; i < codestones.Count; i++)
        {
            var at = now.AddDays(i - codestones.Count + 1).AddHours(-3).AddMinutes(-17 * i);
            var review = new CodeReview(codestones[i], developer.Id, developer.UserName!, null, at.AddMinutes(-2));
            await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            {
                db.CodeReviews.Add(review);
                await db.SaveChangesAsync(cancellationToken);
            }

            await reviewer.ReviewHistoryAsync(review.Id, codestones[i], at, cancellationToken);
        }
    }
}
