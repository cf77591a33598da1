using Ava.Domain.Audit;
using Ava.Domain.Health;
using Ava.Infrastructure.Audit;
using Ava.Infrastructure.Configuration;
using Ava.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Ava.Infrastructure.Health;

/// <summary>
/// The audit chain's integrity, checked incrementally: the events appended since the last verified one are
/// walked from the checkpoint (at most <see cref="HealthOptions.AuditChainBatch"/> per check), and the
/// checkpoint's own event must still carry the hash it had. Events before the checkpoint are not read again;
/// the audit page's "Verify chain" reads them all.
/// </summary>
internal sealed class AuditChainHealthCheck(
    IDbContextFactory<AvaDbContext> contexts, AuditCheckpointSigner signer, IOptionsMonitor<HealthOptions> options, TimeProvider clock) : IHealthCheck
{
    public const string Name = "audit-chain";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var checkpoint = await db.AuditChainCheckpoints.SingleOrDefaultAsync(c => c.Id == AuditChainCheckpoint.SingleId, cancellationToken);
        var from = new ChainTail(checkpoint?.Sequence ?? 0, checkpoint?.Hash ?? AuditEvent.GenesisHash);
        if (checkpoint is { Sequence: > 0 })
        {
            var anchor = await db.AuditEvents.AsNoTracking().Where(e => e.Sequence == checkpoint.Sequence).Select(e => e.Hash).SingleOrDefaultAsync(cancellationToken);
            if (!string.Equals(anchor?.Trim(), checkpoint.Hash, StringComparison.Ordinal))
            {
                return HealthCheckResult.Unhealthy(
                    $"Event #{checkpoint.Sequence}, verified on {checkpoint.VerifiedAt:yyyy-MM-dd HH:mm} UTC, {(anchor is null ? "is gone" : "no longer has the hash it had")}.",
                    data: Data(checkpoint.Sequence, 0));
            }
        }

        var walk = await AuditChainWalk.WalkAsync(db, from, options.CurrentValue.AuditChainBatch, signer, progress: null, cancellationToken);
        if (!walk.IsIntact)
        {
            return HealthCheckResult.Unhealthy($"{walk.Problem} Verified up to #{walk.Last.Sequence}.", data: Data(walk.Last.Sequence, walk.Checked));
        }

        if (walk.Last.Sequence != from.Sequence)
        {
            await db.Database.CloseConnectionAsync();
            if (checkpoint is null)
            {
                db.AuditChainCheckpoints.Add(new AuditChainCheckpoint(walk.Last.Sequence, walk.Last.Hash, clock.GetUtcNow()));
            }
            else
            {
                checkpoint.Advance(walk.Last.Sequence, walk.Last.Hash, clock.GetUtcNow());
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another check wrote the first checkpoint at the same moment; it verified the same events.
            }
        }

        var left = walk.ReachedLimit ? " More events are left for the next check." : "";
        return HealthCheckResult.Healthy(
            $"Intact up to event #{walk.Last.Sequence:N0}: {walk.Checked:N0} new event(s) verified.{left}", Data(walk.Last.Sequence, walk.Checked));
    }

    private static Dictionary<string, object> Data(long verifiedUpTo, long checkedNow) =>
        new() { ["verifiedUpTo"] = verifiedUpTo, ["checkedNow"] = checkedNow };
}
