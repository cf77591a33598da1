using Ava.Domain.Prompts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ava.Infrastructure.Persistence.Configurations;

internal sealed class PromptTemplateConfiguration : IEntityTypeConfiguration<PromptTemplate>
{
    public void Configure(EntityTypeBuilder<PromptTemplate> builder)
    {
        builder.ToTable("PromptTemplates");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Name).HasMaxLength(PromptTemplate.NameMaxLength).IsRequired();
        builder.Property(t => t.Description).HasMaxLength(PromptTemplate.DescriptionMaxLength).IsRequired();
        builder.Property(t => t.CreatedAt).HasConversion(ValueConversions.UtcTicks);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.Ignore(t => t.ActiveVersion);
        builder.HasIndex(t => t.Name).IsUnique();
        builder.HasMany(t => t.Versions).WithOne().HasForeignKey(v => v.TemplateId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(t => t.Activations).WithOne().HasForeignKey(a => a.TemplateId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Versions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(t => t.Activations).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
