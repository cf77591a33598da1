using Ava.Domain.Prompts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ava.Infrastructure.Persistence.Configurations;

internal sealed class PromptTemplateVersionConfiguration : IEntityTypeConfiguration<PromptTemplateVersion>
{
    public void Configure(EntityTypeBuilder<PromptTemplateVersion> builder)
    {
        builder.ToTable("PromptTemplateVersions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Number).HasMaxLength(SemanticVersion.MaxLength).IsRequired();
        builder.Property(v => v.TemplateText).HasMaxLength(PromptTemplateVersion.TextMaxLength).IsRequired();
        builder.Property(v => v.SystemContext).HasMaxLength(PromptTemplateVersion.SystemContextMaxLength).IsRequired();
        builder.Property(v => v.Model).HasMaxLength(PromptSettings.ModelMaxLength).IsRequired();
        builder.Property(v => v.OutputFormat).HasConversion<string>().HasMaxLength(10);
        builder.Property(v => v.RequiredSections)
            .HasField("_requiredSections")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(JsonColumn.Converter<string>(), JsonColumn.Comparer<string>())
            .HasMaxLength(4_000)
            .IsRequired();
        builder.Property(v => v.JsonSchema).HasMaxLength(PromptTemplateVersion.SchemaMaxLength);
        builder.Property(v => v.Changelog).HasMaxLength(PromptTemplateVersion.ChangelogMaxLength).IsRequired();
        builder.Property(v => v.BasedOn).HasMaxLength(SemanticVersion.MaxLength);
        builder.Property(v => v.CreatedBy).HasMaxLength(256).IsRequired();
        builder.Property(v => v.CreatedAt).HasConversion(ValueConversions.UtcTicks);
        builder.Ignore(v => v.SemanticVersion);
        builder.Ignore(v => v.Settings);
        builder.Ignore(v => v.Validation);
        builder.Ignore(v => v.Placeholders);
        builder.HasIndex(v => new { v.TemplateId, v.Number }).IsUnique();
    }
}
