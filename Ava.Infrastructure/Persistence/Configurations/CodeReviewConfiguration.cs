using Ava.Domain.Codestones;
using Ava.Domain.Prompts;
using Ava.Domain.Recommendations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ava.Infrastructure.Persistence.Configurations;

internal sealed class CodeReviewConfiguration : IEntityTypeConfiguration<CodeReview>
{
    public void Configure(EntityTypeBuilder<CodeReview> builder)
    {
        builder.ToTable("CodeReviews");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.RequestedById).HasMaxLength(450).IsRequired();
        builder.Property(r => r.RequestedBy).HasMaxLength(CodeReview.ByMaxLength).IsRequired();
        builder.Property(r => r.JobId).HasMaxLength(100);
        builder.Property(r => r.Error).HasMaxLength(CodeReview.ErrorMaxLength);
        builder.Property(r => r.Assessment).HasMaxLength(CodeReview.AssessmentMaxLength);
        builder.Property(r => r.RecommendedStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.TemplateVersion).HasMaxLength(SemanticVersion.MaxLength);
        builder.Property(r => r.Provider).HasMaxLength(PromptRun.ProviderMaxLength);
        builder.Property(r => r.Model).HasMaxLength(PromptSettings.ModelMaxLength);
        builder.Property(r => r.RequestedAt).HasConversion(ValueConversions.UtcTicks);
        builder.Property(r => r.StartedAt).HasConversion(ValueConversions.NullableUtcTicks);
        builder.Property(r => r.CompletedAt).HasConversion(ValueConversions.NullableUtcTicks);
        builder.Property(r => r.Version).IsConcurrencyToken();
        foreach (var list in new[] { nameof(CodeReview.Strengths), nameof(CodeReview.Weaknesses), nameof(CodeReview.SecurityIssues), nameof(CodeReview.RecommendedChanges) })
        {
            builder.Property<IReadOnlyList<string>>(list)
                .HasField("_" + char.ToLowerInvariant(list[0]) + list[1..])
                .UsePropertyAccessMode(PropertyAccessMode.Field)
                .HasConversion(JsonColumn.Converter<string>(), JsonColumn.Comparer<string>())
                .IsRequired();
        }

        builder.Property(r => r.FlaggedInputs)
            .HasField("_flaggedInputs")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(JsonColumn.Converter<FlaggedInput>(), JsonColumn.Comparer<FlaggedInput>())
            .IsRequired();
        builder.Ignore(r => r.Flagged);
        builder.Ignore(r => r.IsWaiting);
        builder.Ignore(r => r.IsFinished);

        // A deleted codestone takes its reviews along; the recommendations they submitted stay in the queue's history.
        builder.HasOne<Codestone>().WithMany().HasForeignKey(r => r.CodestoneId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PromptTemplateVersion>().WithMany().HasForeignKey(r => r.TemplateVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PromptRun>().WithMany().HasForeignKey(r => r.PromptRunId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AiRecommendation>().WithMany().HasForeignKey(r => r.RecommendationId).OnDelete(DeleteBehavior.SetNull);

        // At most one waiting review per codestone, whoever asks at the same moment.
        builder.HasIndex(r => r.CodestoneId).IsUnique().HasFilter("[Status] IN ('Queued', 'Running')").HasDatabaseName("IX_CodeReviews_OneWaitingPerCodestone");

        // A codestone's reviews newest first; waiting reviews by codestone; a batch's reviews; the review of a recommendation.
        builder.HasIndex(r => new { r.CodestoneId, r.RequestedAt });
        builder.HasIndex(r => new { r.Status, r.CodestoneId });
        builder.HasIndex(r => r.BatchId);
        builder.HasIndex(r => r.RecommendationId);
        builder.HasIndex(r => new { r.TemplateVersionId, r.CompletedAt });
    }
}
