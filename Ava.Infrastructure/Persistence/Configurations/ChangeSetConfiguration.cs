using Ava.Domain.ChangeSets;
using Ava.Domain.Recommendations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ava.Infrastructure.Persistence.Configurations;

internal sealed class ChangeSetConfiguration : IEntityTypeConfiguration<AiChangeSet>
{
    public void Configure(EntityTypeBuilder<AiChangeSet> builder)
    {
        builder.ToTable("ChangeSets");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.TargetType).HasConversion(ValueConversions.TargetType).HasMaxLength(ChangeTargetType.MaxLength);
        builder.Property(c => c.AppliedBy).HasMaxLength(256).IsRequired();
        builder.Property(c => c.ApprovalGrant).HasMaxLength(50).IsRequired();
        builder.Property(c => c.RolledBackBy).HasMaxLength(256);
        builder.Property(c => c.RollbackReason).HasMaxLength(AiRecommendation.ReasonMaxLength);
        builder.Property(c => c.AppliedAt).HasConversion(ValueConversions.UtcTicks);
        builder.Property(c => c.RolledBackAt).HasConversion(ValueConversions.NullableUtcTicks);
        builder.Property(c => c.Version).IsConcurrencyToken();

        builder.HasMany(c => c.Records).WithOne().HasForeignKey(r => r.ChangeSetId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Records).HasField("_records").UsePropertyAccessMode(PropertyAccessMode.Field);

        // At most one changeset per recommendation, whatever the application does.
        builder.HasOne<AiRecommendation>().WithMany().HasForeignKey(c => c.RecommendationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.RecommendationId).IsUnique();
        builder.HasIndex(c => c.AppliedAt);
        builder.HasIndex(c => new { c.Status, c.AppliedAt });
        builder.HasIndex(c => new { c.AppliedBy, c.AppliedAt });
        builder.HasIndex(c => new { c.Complexity, c.AppliedAt });
        builder.HasIndex(c => new { c.TargetType, c.AppliedAt });
    }
}

internal sealed class ChangeRecordConfiguration : IEntityTypeConfiguration<AiChangeRecord>
{
    public void Configure(EntityTypeBuilder<AiChangeRecord> builder)
    {
        builder.ToTable("ChangeRecords");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.EntityType).HasConversion(ValueConversions.TargetType).HasMaxLength(ChangeTargetType.MaxLength);
        builder.Property(r => r.ChangedFields)
            .HasField("_changedFields")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(JsonColumn.Converter<string>(), JsonColumn.Comparer<string>())
            .IsRequired();
        builder.HasIndex(r => new { r.ChangeSetId, r.Order }).IsUnique();
        builder.HasIndex(r => new { r.EntityType, r.EntityId });
    }
}
