using Ava.Domain.Alerts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ava.Infrastructure.Persistence.Configurations;

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> builder)
    {
        builder.ToTable("Alerts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Kind).HasMaxLength(50).IsRequired();
        builder.Property(a => a.Severity).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Subject).HasMaxLength(256).IsRequired();
        builder.Property(a => a.Message).HasMaxLength(1000).IsRequired();
        builder.Property(a => a.AcknowledgedBy).HasMaxLength(256);
        builder.Property(a => a.RaisedAt).HasConversion(ValueConversions.UtcTicks);
        builder.Property(a => a.AcknowledgedAt).HasConversion(ValueConversions.NullableUtcTicks);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.IsAcknowledged);
        builder.HasIndex(a => new { a.AcknowledgedAt, a.RaisedAt });
        builder.HasIndex(a => new { a.Kind, a.Subject, a.RaisedAt });
    }
}
