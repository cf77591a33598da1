using Ava.Domain.Health;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ava.Infrastructure.Persistence.Configurations;

internal sealed class HealthSampleConfiguration : IEntityTypeConfiguration<HealthSample>
{
    public void Configure(EntityTypeBuilder<HealthSample> builder)
    {
        builder.ToTable("HealthSamples");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.CheckName).HasMaxLength(HealthSample.CheckNameMaxLength).IsRequired();
        builder.Property(s => s.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Description).HasMaxLength(HealthSample.DescriptionMaxLength);
        builder.Property(s => s.SampledAt).HasConversion(ValueConversions.UtcTicks);
        builder.HasIndex(s => new { s.CheckName, s.SampledAt });
        builder.HasIndex(s => s.SampledAt);
    }
}

internal sealed class RequestTallyConfiguration : IEntityTypeConfiguration<RequestTally>
{
    public void Configure(EntityTypeBuilder<RequestTally> builder)
    {
        builder.ToTable("RequestTallies");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Instance).HasMaxLength(RequestTally.InstanceMaxLength).IsRequired();
        builder.Property(t => t.MinuteStart).HasConversion(ValueConversions.UtcTicks);
        builder.HasIndex(t => t.MinuteStart);
    }
}

internal sealed class AuditChainCheckpointConfiguration : IEntityTypeConfiguration<AuditChainCheckpoint>
{
    public void Configure(EntityTypeBuilder<AuditChainCheckpoint> builder)
    {
        builder.ToTable("AuditChainCheckpoints");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Hash).HasMaxLength(64).IsRequired();
        builder.Property(c => c.VerifiedAt).HasConversion(ValueConversions.UtcTicks);
    }
}
