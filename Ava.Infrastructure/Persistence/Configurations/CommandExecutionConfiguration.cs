using Ava.Domain.Commands;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ava.Infrastructure.Persistence.Configurations;

internal sealed class CommandExecutionConfiguration : IEntityTypeConfiguration<CommandExecution>
{
    public void Configure(EntityTypeBuilder<CommandExecution> builder)
    {
        builder.ToTable("CommandExecutions");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.CommandName).HasMaxLength(CommandExecution.NameMaxLength).IsRequired();
        builder.Property(e => e.Arguments)
            .HasConversion(JsonColumn.Converter<string>(), JsonColumn.Comparer<string>())
            .IsRequired();
        builder.Property(e => e.Decision).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.RequestedById).HasMaxLength(450).IsRequired();
        builder.Property(e => e.RequestedBy).HasMaxLength(256).IsRequired();
        builder.Property(e => e.RequestedAt).HasConversion(ValueConversions.UtcTicks);
        builder.Property(e => e.ApprovedById).HasMaxLength(450);
        builder.Property(e => e.ApprovedBy).HasMaxLength(256);
        builder.Property(e => e.ApprovedAt).HasConversion(ValueConversions.NullableUtcTicks);
        builder.Property(e => e.JobId).HasMaxLength(100);
        builder.Property(e => e.StartedAt).HasConversion(ValueConversions.NullableUtcTicks);
        builder.Property(e => e.EndedAt).HasConversion(ValueConversions.NullableUtcTicks);
        builder.Property(e => e.StdOut).IsRequired();
        builder.Property(e => e.StdErr).IsRequired();
        builder.Property(e => e.Sandbox).HasMaxLength(500);
        builder.Property(e => e.Message).HasMaxLength(CommandExecution.MessageMaxLength);
        builder.Property(e => e.CancelRequestedBy).HasMaxLength(256);
        builder.Property(e => e.CancelRequestedAt).HasConversion(ValueConversions.NullableUtcTicks);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.Ignore(e => e.Duration);
        builder.HasIndex(e => new { e.Status, e.RequestedAt });
        builder.HasIndex(e => e.RequestedAt);
        builder.HasIndex(e => new { e.CommandName, e.RequestedAt });
    }
}
