using Ava.Domain.ApiTokens;
using Ava.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ava.Infrastructure.Persistence.Configurations;

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.ToTable("ApiTokens");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.OwnerId).HasMaxLength(450).IsRequired();
        builder.Property(t => t.Name).HasMaxLength(ApiToken.NameMaxLength).IsRequired();
        builder.Property(t => t.Prefix).HasMaxLength(32).IsRequired();
        builder.Property(t => t.SecretHash).HasMaxLength(64).IsRequired();
        builder.Property(t => t.RevokedBy).HasMaxLength(256);
        builder.Property(t => t.CreatedAt).HasConversion(ValueConversions.UtcTicks);
        builder.Property(t => t.ExpiresAt).HasConversion(ValueConversions.NullableUtcTicks);
        builder.Property(t => t.LastUsedAt).HasConversion(ValueConversions.NullableUtcTicks);
        builder.Property(t => t.RevokedAt).HasConversion(ValueConversions.NullableUtcTicks);

        // Every API request finds its token by the hash of what it presented.
        builder.HasIndex(t => t.SecretHash).IsUnique();
        builder.HasIndex(t => new { t.OwnerId, t.CreatedAt });
        builder.HasOne<AvaUser>().WithMany().HasForeignKey(t => t.OwnerId).OnDelete(DeleteBehavior.Cascade);
    }
}
