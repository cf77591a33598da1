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
        builder.Property(a => a.Kind).HasMaxLength(Alert.KindMaxLength).IsRequired();
        builder.Property(a => a.Severity).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Subject).HasMaxLength(Alert.SubjectMaxLength).IsRequired();
        builder.Property(a => a.Message).HasMaxLength(Alert.MessageMaxLength).IsRequired();
        builder.Property(a => a.AcknowledgedBy).HasMaxLength(256);
        builder.Property(a => a.AcknowledgeNote).HasMaxLength(Alert.NoteMaxLength);
        builder.Property(a => a.Resolution).HasMaxLength(Alert.MessageMaxLength);
        builder.Property(a => a.RaisedAt).HasConversion(ValueConversions.UtcTicks);
        builder.Property<DateTimeOffset?>("_lastSeenAt").HasColumnName("LastSeenAt").HasConversion(ValueConversions.NullableUtcTicks);
        builder.Property<int>("_count").HasColumnName("Count");
        builder.Property(a => a.AcknowledgedAt).HasConversion(ValueConversions.NullableUtcTicks);
        builder.Property(a => a.ResolvedAt).HasConversion(ValueConversions.NullableUtcTicks);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.IsAcknowledged);
        builder.Ignore(a => a.IsResolved);
        builder.Ignore(a => a.LastSeenAt);
        builder.Ignore(a => a.Count);
        builder.HasIndex(a => new { a.AcknowledgedAt, a.RaisedAt });
        builder.HasIndex(a => new { a.Kind, a.Subject, a.RaisedAt });
        builder.HasIndex(a => new { a.ResolvedAt, a.RaisedAt });
    }
}

internal sealed class AlertSilenceConfiguration : IEntityTypeConfiguration<AlertSilence>
{
    public void Configure(EntityTypeBuilder<AlertSilence> builder)
    {
        builder.ToTable("AlertSilences");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Kind).HasMaxLength(Alert.KindMaxLength).IsRequired();
        builder.Property(s => s.Subject).HasMaxLength(Alert.SubjectMaxLength).IsRequired();
        builder.Property(s => s.Note).HasMaxLength(Alert.NoteMaxLength);
        builder.Property(s => s.CreatedBy).HasMaxLength(256).IsRequired();
        builder.Property(s => s.Until).HasConversion(ValueConversions.UtcTicks);
        builder.Property(s => s.CreatedAt).HasConversion(ValueConversions.UtcTicks);
        builder.HasIndex(s => new { s.Kind, s.Subject, s.Until });
    }
}

internal sealed class AlertNotificationConfiguration : IEntityTypeConfiguration<AlertNotification>
{
    public void Configure(EntityTypeBuilder<AlertNotification> builder)
    {
        builder.ToTable("AlertNotifications");
        builder.HasKey(n => n.Id);
        builder.HasOne(n => n.Alert).WithMany().HasForeignKey(n => n.AlertId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(n => n.Event).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.LastError).HasMaxLength(1000);
        builder.Property(n => n.CreatedAt).HasConversion(ValueConversions.UtcTicks);
        builder.Property(n => n.QueuedAt).HasConversion(ValueConversions.NullableUtcTicks);
        builder.Property(n => n.SentAt).HasConversion(ValueConversions.NullableUtcTicks);
        builder.HasIndex(n => n.QueuedAt);
    }
}
