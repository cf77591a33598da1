using Ava.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ava.Infrastructure.Persistence.Configurations;

internal sealed class AvaUserConfiguration : IEntityTypeConfiguration<AvaUser>
{
    public void Configure(EntityTypeBuilder<AvaUser> builder)
    {
        builder.Property(u => u.CreatedAt).HasConversion(ValueConversions.UtcTicks);
        builder.Property(u => u.LockoutEnd).HasConversion(ValueConversions.NullableUtcTicks);
    }
}
