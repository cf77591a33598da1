using Ava.Domain.Codestones;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ava.Infrastructure.Persistence.Configurations;

internal sealed class CodestoneConfiguration : IEntityTypeConfiguration<Codestone>
{
    public void Configure(EntityTypeBuilder<Codestone> builder)
    {
        builder.ToTable("Codestones");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Title).HasMaxLength(Codestone.TitleMaxLength).IsRequired();
        builder.Property(c => c.Code).HasMaxLength(Codestone.CodeMaxLength).IsRequired();
        builder.Property(c => c.GitHubUrl).HasMaxLength(Codestone.GitHubUrlMaxLength);
        builder.Property(c => c.Author).HasMaxLength(256).IsRequired();
        builder.Property(c => c.UpdatedBy).HasMaxLength(256).IsRequired();
        builder.Property(c => c.CreatedAt).HasConversion(ValueConversions.UtcTicks);
        builder.Property(c => c.UpdatedAt).HasConversion(ValueConversions.UtcTicks);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.Values);

        builder.HasIndex(c => c.UpdatedAt);
        builder.HasIndex(c => c.CreatedAt);
        builder.HasIndex(c => c.Title);
        builder.HasIndex(c => c.EclScore);
        builder.HasIndex(c => new { c.Language, c.UpdatedAt });
        builder.HasIndex(c => new { c.ReviewStatus, c.UpdatedAt });
    }
}
