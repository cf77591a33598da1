using Ava.Domain.Briefings;
using Ava.Domain.Prompts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ava.Infrastructure.Persistence.Configurations;

internal sealed class MorningBriefingConfiguration : IEntityTypeConfiguration<MorningBriefing>
{
    public void Configure(EntityTypeBuilder<MorningBriefing> builder)
    {
        builder.ToTable("MorningBriefings");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Markdown).HasMaxLength(MorningBriefing.MarkdownMaxLength).IsRequired();
        builder.Property(b => b.Excerpt).HasMaxLength(MorningBriefing.ExcerptMaxLength).IsRequired();
        builder.Property(b => b.TemplateVersion).HasMaxLength(SemanticVersion.MaxLength).IsRequired();
        builder.Property(b => b.Provider).HasMaxLength(PromptRun.ProviderMaxLength).IsRequired();
        builder.Property(b => b.Model).HasMaxLength(PromptSettings.ModelMaxLength).IsRequired();
        builder.Property(b => b.GeneratedBy).HasMaxLength(MorningBriefing.ByMaxLength).IsRequired();
        builder.Property(b => b.SupersededBy).HasMaxLength(MorningBriefing.ByMaxLength);
        builder.Property(b => b.GeneratedAt).HasConversion(ValueConversions.UtcTicks);
        builder.Property(b => b.PeriodStart).HasConversion(ValueConversions.UtcTicks);
        builder.Property(b => b.PeriodEnd).HasConversion(ValueConversions.UtcTicks);
        builder.Property(b => b.SupersededAt).HasConversion(ValueConversions.NullableUtcTicks);
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.Property(b => b.StreamIds)
            .HasField("_streamIds")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(JsonColumn.Converter<long>(), JsonColumn.Comparer<long>())
            .IsRequired();
        builder.Property(b => b.FlaggedInputs)
            .HasField("_flaggedInputs")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(JsonColumn.Converter<FlaggedInput>(), JsonColumn.Comparer<FlaggedInput>())
            .IsRequired();
        builder.Ignore(b => b.IsCurrent);
        builder.Ignore(b => b.Flagged);
        builder.HasOne<PromptTemplateVersion>().WithMany().HasForeignKey(b => b.TemplateVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PromptRun>().WithMany().HasForeignKey(b => b.PromptRunId).OnDelete(DeleteBehavior.Restrict);

        // One revision number per date: two runs that race for the same date cannot both write revision n.
        builder.HasIndex(b => new { b.Date, b.Revision }).IsUnique();

        // The list reads the current revisions newest first.
        builder.HasIndex(b => new { b.SupersededAt, b.Date });
    }
}

internal sealed class BriefingRatingConfiguration : IEntityTypeConfiguration<BriefingRating>
{
    public void Configure(EntityTypeBuilder<BriefingRating> builder)
    {
        builder.ToTable("BriefingRatings");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.UserId).HasMaxLength(450).IsRequired();
        builder.Property(r => r.UserName).HasMaxLength(256).IsRequired();
        builder.Property(r => r.Comment).HasMaxLength(BriefingRating.CommentMaxLength);
        builder.Property(r => r.RatedAt).HasConversion(ValueConversions.UtcTicks);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne<MorningBriefing>().WithMany().HasForeignKey(r => r.BriefingId).OnDelete(DeleteBehavior.Restrict);

        // One rating per reader and date; satisfaction reads a version's ratings.
        builder.HasIndex(r => new { r.Date, r.UserId }).IsUnique();
        builder.HasIndex(r => new { r.TemplateVersionId, r.RatedAt });
    }
}
