using Ava.Domain.Alerts;
using Ava.Domain.ApiTokens;
using Ava.Domain.Audit;
using Ava.Domain.Briefings;
using Ava.Domain.ChangeSets;
using Ava.Domain.Codestones;
using Ava.Domain.Commands;
using Ava.Domain.Common;
using Ava.Domain.Health;
using Ava.Domain.Prompts;
using Ava.Domain.Recommendations;
using Ava.Domain.Settings;
using Ava.Domain.Streams;
using Ava.Domain.Tickets;
using Ava.Domain.Workflows;
using Ava.Infrastructure.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Ava.Infrastructure.Persistence;

/// <summary>
/// The one model of the product. Each provider has a derived context that only exists so that
/// it can own its migrations set (<see cref="SqliteAvaDbContext"/>, <see cref="SqlServerAvaDbContext"/>).
/// </summary>
public abstract class AvaDbContext(DbContextOptions options) : IdentityDbContext<AvaUser>(options), IDataProtectionKeyContext
{
    public DbSet<WorkflowRun> WorkflowRuns => Set<WorkflowRun>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<Alert> Alerts => Set<Alert>();

    public DbSet<IntelligenceStream> Streams => Set<IntelligenceStream>();

    public DbSet<StreamTag> StreamTags => Set<StreamTag>();

    public DbSet<Codestone> Codestones => Set<Codestone>();

    public DbSet<AiRecommendation> Recommendations => Set<AiRecommendation>();

    public DbSet<AiChangeSet> ChangeSets => Set<AiChangeSet>();

    public DbSet<AiChangeRecord> ChangeRecords => Set<AiChangeRecord>();

    public DbSet<HelpdeskTicket> Tickets => Set<HelpdeskTicket>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<PromptTemplate> PromptTemplates => Set<PromptTemplate>();

    public DbSet<PromptTemplateVersion> PromptTemplateVersions => Set<PromptTemplateVersion>();

    public DbSet<PromptActivation> PromptActivations => Set<PromptActivation>();

    public DbSet<PromptRun> PromptRuns => Set<PromptRun>();

    public DbSet<MorningBriefing> MorningBriefings => Set<MorningBriefing>();

    public DbSet<BriefingRating> BriefingRatings => Set<BriefingRating>();

    public DbSet<CodeReview> CodeReviews => Set<CodeReview>();

    public DbSet<CommandExecution> CommandExecutions => Set<CommandExecution>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<AlertSilence> AlertSilences => Set<AlertSilence>();

    public DbSet<AlertNotification> AlertNotifications => Set<AlertNotification>();

    public DbSet<HealthSample> HealthSamples => Set<HealthSample>();

    public DbSet<RequestTally> RequestTallies => Set<RequestTally>();

    public DbSet<AuditChainCheckpoint> AuditChainCheckpoints => Set<AuditChainCheckpoint>();

    public DbSet<FeatureFlag> FeatureFlags => Set<FeatureFlag>();

    public DbSet<MaintenanceWindow> MaintenanceWindows => Set<MaintenanceWindow>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AvaDbContext).Assembly);
    }

    /// <summary>Every modified versioned entity gets a new token, so a stale copy fails its update.</summary>
    private void StampVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified)
            {
                entry.Entity.NewVersion();
            }
        }
    }
}

public sealed class SqliteAvaDbContext(DbContextOptions<SqliteAvaDbContext> options) : AvaDbContext(options);

public sealed class SqlServerAvaDbContext(DbContextOptions<SqlServerAvaDbContext> options) : AvaDbContext(options);
