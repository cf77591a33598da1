using Ava.Domain.Prompts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ava.Infrastructure.Persistence.Configurations;

internal sealed class PromptRunConfiguration : IEntityTypeConfiguration<PromptRun>
{
    public void Configure(EntityTypeBuilder<PromptRun> builder)
    {
        builder.ToTable("PromptRuns");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.TemplateName).HasMaxLength(PromptTemplate.NameMaxLength).IsRequired();
        builder.Property(r => r.VersionNumber).HasMaxLength(SemanticVersion.MaxLength).IsRequired();
        builder.Property(r => r.Caller).HasMaxLength(PromptRun.CallerMaxLength).IsRequired();
        builder.Property(r => r.Subject).HasMaxLength(PromptRun.SubjectMaxLength);
        builder.Property(r => r.Provider).HasMaxLength(PromptRun.ProviderMaxLength).IsRequired();
        builder.Property(r => r.Model).HasMaxLength(PromptSettings.ModelMaxLength).IsRequired();
        builder.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Error).HasMaxLength(PromptRun.ErrorMaxLength);
        builder.Property(r => r.Output).HasMaxLength(PromptRun.OutputMaxLength);
        builder.Property(r => r.StartedAt).HasConversion(ValueConversions.UtcTicks);
        foreach (var list in new[] { nameof(PromptRun.ValidationErrors), nameof(PromptRun.InjectionReasons), nameof(PromptRun.ContextSources) })
        {
            builder.Property<IReadOnlyList<string>>(list)
                .HasField("_" + char.ToLowerInvariant(list[0]) + list[1..])
                .UsePropertyAccessMode(PropertyAccessMode.Field)
                .HasConversion(JsonColumn.Converter<string>(), JsonColumn.Comparer<string>())
                .IsRequired();
        }

        builder.Ignore(r => r.Succeeded);
        builder.HasOne<PromptTemplateVersion>().WithMany().HasForeignKey(r => r.VersionId).OnDelete(DeleteBehavior.Restrict);

        // Metrics read one version's runs over a period; the runs list reads a template's newest first.
        builder.HasIndex(r => new { r.VersionId, r.StartedAt });
        builder.HasIndex(r => new { r.TemplateId, r.StartedAt });
    }
}
