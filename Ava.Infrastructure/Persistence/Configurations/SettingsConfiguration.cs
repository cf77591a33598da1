using Ava.Domain.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ava.Infrastructure.Persistence.Configurations;

internal sealed class FeatureFlagConfiguration : IEntityTypeConfiguration<FeatureFlag>
{
    public void Configure(EntityTypeBuilder<FeatureFlag> builder)
    {
        builder.ToTable("FeatureFlags");
        builder.HasKey(f => f.Name);
        builder.Property(f => f.Name).HasMaxLength(FeatureFlag.NameMaxLength);
        builder.Property(f => f.ChangedBy).HasMaxLength(256).IsRequired();
        builder.Property(f => f.ChangedAt).HasConversion(ValueConversions.UtcTicks);
    }
}

internal sealed class MaintenanceWindowConfiguration : IEntityTypeConfiguration<MaintenanceWindow>
{
    public void Configure(EntityTypeBuilder<MaintenanceWindow> builder)
    {
        builder.ToTable("MaintenanceWindows");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Message).HasMaxLength(MaintenanceWindow.MessageMaxLength).IsRequired();
        builder.Property(w => w.StartedBy).HasMaxLength(256).IsRequired();
        builder.Property(w => w.EndedBy).HasMaxLength(256);
        builder.Property(w => w.StartedAt).HasConversion(ValueConversions.UtcTicks);
        builder.Property(w => w.ExpectedEnd).HasConversion(ValueConversions.NullableUtcTicks);
        builder.Property(w => w.EndedAt).HasConversion(ValueConversions.NullableUtcTicks);
        builder.HasIndex(w => w.EndedAt);
    }
}
