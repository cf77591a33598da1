using Ava.Domain.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ava.Infrastructure.Persistence.Configurations;

internal sealed class WorkflowRunConfiguration : IEntityTypeConfiguration<WorkflowRun>
{
    public void Configure(EntityTypeBuilder<WorkflowRun> builder)
    {
        builder.ToTable("WorkflowRuns");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.JobId).HasMaxLength(100).IsRequired();
        builder.Property(r => r.WorkflowName).HasMaxLength(100).IsRequired();
        builder.Property(r => r.Trigger).HasMaxLength(300).IsRequired();
        builder.Property(r => r.RequestedById).HasMaxLength(450);
        builder.Property(r => r.JobPayload).IsRequired();
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Error).HasMaxLength(WorkflowRun.MaxErrorLength);
        builder.Property(r => r.ProgressStage).HasMaxLength(WorkflowRun.MaxStageLength);
        builder.Property(r => r.QueuedAt).HasConversion(ValueConversions.UtcTicks);
        builder.Property(r => r.StartedAt).HasConversion(ValueConversions.NullableUtcTicks);
        builder.Property(r => r.EndedAt).HasConversion(ValueConversions.NullableUtcTicks);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.Duration);
        builder.HasIndex(r => r.JobId).IsUnique();
        builder.HasIndex(r => new { r.Status, r.QueuedAt });
        builder.HasIndex(r => r.QueuedAt);
    }
}
