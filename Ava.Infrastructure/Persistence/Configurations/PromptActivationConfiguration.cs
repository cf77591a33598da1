using Ava.Domain.Prompts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ava.Infrastructure.Persistence.Configurations;

internal sealed class PromptActivationConfiguration : IEntityTypeConfiguration<PromptActivation>
{
    public void Configure(EntityTypeBuilder<PromptActivation> builder)
    {
        builder.ToTable("PromptActivations");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.FromVersion).HasMaxLength(SemanticVersion.MaxLength);
        builder.Property(a => a.ToVersion).HasMaxLength(SemanticVersion.MaxLength).IsRequired();
        builder.Property(a => a.ActivatedBy).HasMaxLength(256).IsRequired();
        builder.Property(a => a.Reason).HasMaxLength(PromptTemplate.ReasonMaxLength).IsRequired();
        builder.Property(a => a.ActivatedAt).HasConversion(ValueConversions.UtcTicks);
        builder.HasIndex(a => new { a.TemplateId, a.ActivatedAt });
    }
}
