using System.Globalization;
using System.Security.Claims;
using Ava.Domain.Audit;
using Ava.Domain.Briefings;
using Ava.Domain.Common;
using Ava.Domain.Security;
using Ava.Domain.Settings;
using Ava.Infrastructure.Audit;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Configuration;
using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Security;
using Ava.Infrastructure.Settings;
using Ava.Infrastructure.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ava.Infrastructure.Briefings;

/// <summary>
/// What readers and admins do with briefings: rate one (view_dashboards; one rating per reader and date,
/// changeable) and have a date written again (execute_commands, like running any workflow by hand: the
/// current text stays as a superseded revision).
/// </summary>
public sealed class BriefingService(
    IDbContextFactory<AvaDbContext> contexts,
    PermissionGuard guard,
    CapabilityGuard capabilities,
    AuditTrail trail,
    WorkflowLauncher launcher,
    LiveUpdates updates,
    IOptions<BriefingOptions> options,
    TimeProvider clock)
{
    /// <summary>Sets the caller's rating of the date's briefing, replacing their earlier one.</summary>
    public async Task<RatingResult> RateAsync(DateOnly date, int stars, string? comment, CancellationToken cancellationToken = default)
    {
        var user = await guard.DemandAsync(Permissions.ViewDashboards);
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new DomainException("Only a signed-in person can rate a briefing.");
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var briefing = await db.MorningBriefings.AsNoTracking().SingleOrDefaultAsync(b => b.Date == date && b.SupersededAt == null, cancellationToken)
            ?? throw new NotFoundException($"There is no briefing for {Day(date)}.");
        var rating = await db.BriefingRatings.SingleOrDefaultAsync(r => r.Date == date && r.UserId == userId, cancellationToken);
        var before = rating is null ? null : new { rating.Stars, rating.Comment };
        if (rating is null)
        {
            rating = new BriefingRating(briefing, userId, user.DisplayName(), stars, comment, now);
            db.BriefingRatings.Add(rating);
        }
        else
        {
            rating.Rate(briefing, stars, comment, now);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same reader rated from another tab at the same moment; that rating stands.
            throw new DomainException("You rated this briefing elsewhere at the same moment; reload the page to see your rating.");
        }

        await trail.AppendAsync(db, new AuditEntry(BriefingAuditActions.Rated, $"briefing/{Day(date)}", true, Metadata: AuditTrail.Metadata(new
        {
            revision = briefing.Revision,
            stars = rating.Stars,
            before = before?.Stars,
            comment = rating.Comment is not null,
        })), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        updates.Publish(new BriefingChanged(date));

        var all = await db.BriefingRatings.AsNoTracking().Where(r => r.Date == date).Select(r => r.Stars).ToListAsync(cancellationToken);
        return new RatingResult(date, rating.Stars, rating.Comment, Math.Round(all.Average(), 2), all.Count);
    }

    /// <summary>
    /// Queues the morning-briefing workflow to write the date again (or for the first time), acting as the
    /// caller. The run replaces the revision current now; a second request for the same revision writes nothing more.
    /// </summary>
    public async Task<RegenerationRequest> RegenerateAsync(DateOnly date, CancellationToken cancellationToken = default)
    {
        var user = await guard.DemandAsync(Permissions.ExecuteCommands);
        await capabilities.DemandAsync(Capabilities.Briefings);
        var today = options.Value.DateAt(clock.GetUtcNow());
        if (date > today)
        {
            throw new DomainException($"{Day(date)} has not begun yet; the latest briefing that can be written is {Day(today)}'s.");
        }

        int revision;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            revision = await db.MorningBriefings.Where(b => b.Date == date && b.SupersededAt == null).Select(b => (int?)b.Revision).SingleOrDefaultAsync(cancellationToken) ?? 0;
        }

        var day = Day(date);
        var jobId = launcher.Enqueue<MorningBriefingJob>(user, job => job.RegenerateAsync(day, revision, null, CancellationToken.None));
        await trail.RecordAsync(new AuditEntry(BriefingAuditActions.RegenerationRequested, $"briefing/{day}", true,
            Metadata: AuditTrail.Metadata(new { replaces = revision, jobId })), cancellationToken: cancellationToken);
        return new RegenerationRequest(date, revision, jobId);
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
