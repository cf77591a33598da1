using Ava.Domain.Recommendations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ava.Infrastructure.Persistence.Configurations;

internal sealed class RecommendationConfiguration : IEntityTypeConfiguration<AiRecommendation>
{
    public void Configure(EntityTypeBuilder<AiRecommendation> builder)
    {
        builder.ToTable("Recommendations");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Changes)
            .HasField("_changes")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(JsonColumn.Converter<ProposedChange>(), JsonColumn.Comparer<ProposedChange>())
            .IsRequired();
        builder.Property(r => r.TargetType).HasConversion(ValueConversions.TargetType).HasMaxLength(ChangeTargetType.MaxLength);
        builder.Property(r => r.TargetSummary).HasMaxLength(300).IsRequired();
        builder.Property(r => r.ChangeSummary).HasMaxLength(AiRecommendation.ChangeSummaryMaxLength).IsRequired();
        builder.Property(r => r.Rationale).HasMaxLength(AiRecommendation.RationaleMaxLength).IsRequired();
        builder.Property(r => r.Source).HasMaxLength(AiRecommendation.SourceMaxLength).IsRequired();
        builder.Property(r => r.SubmittedBy).HasMaxLength(256).IsRequired();
        builder.Property(r => r.DecidedBy).HasMaxLength(256);
        builder.Property(r => r.DecisionReason).HasMaxLength(AiRecommendation.ReasonMaxLength);
        builder.Property(r => r.CreatedAt).HasConversion(ValueConversions.UtcTicks);
        builder.Property(r => r.DecidedAt).HasConversion(ValueConversions.NullableUtcTicks);
        builder.Property(r => r.Version).IsConcurrencyToken();

        // The queue reads pending rows newest first, alone or with one filter, and counts them per band.
        builder.HasIndex(r => new { r.Status, r.CreatedAt });
        builder.HasIndex(r => new { r.Status, r.Band, r.CreatedAt });
        builder.HasIndex(r => new { r.Status, r.Source, r.CreatedAt });
        builder.HasIndex(r => new { r.Status, r.TargetType, r.CreatedAt });
        builder.HasIndex(r => r.CreatedAt);
    }
}
