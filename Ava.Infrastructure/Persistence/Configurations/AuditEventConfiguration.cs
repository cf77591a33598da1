using Ava.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ava.Infrastructure.Persistence.Configurations;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public const string Table = "AuditEvents";

    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Timestamp).HasConversion(ValueConversions.UtcTicks);
        builder.Property(e => e.CorrelationId).HasMaxLength(100);
        builder.Property(e => e.UserId).HasMaxLength(450);
        builder.Property(e => e.UserName).HasMaxLength(AuditEvent.MaxUserNameLength).IsRequired();
        builder.Property(e => e.Action).HasMaxLength(AuditEvent.MaxActionLength).IsRequired();
        builder.Property(e => e.Resource).HasMaxLength(AuditEvent.MaxResourceLength).IsRequired();
        builder.Property(e => e.Error).HasMaxLength(AuditEvent.MaxErrorLength);
        builder.Property(e => e.ClientIp).HasMaxLength(64);
        builder.Property(e => e.PreviousHash).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(e => e.Hash).HasMaxLength(64).IsFixedLength().IsRequired();

        builder.HasIndex(e => e.Sequence).IsUnique();
        builder.HasIndex(e => e.Timestamp);
        builder.HasIndex(e => new { e.UserName, e.Timestamp });
        builder.HasIndex(e => new { e.Action, e.Timestamp });
        builder.HasIndex(e => new { e.Success, e.Timestamp });
    }
}
