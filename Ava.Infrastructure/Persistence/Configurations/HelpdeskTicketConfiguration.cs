using Ava.Domain.Recommendations;
using Ava.Domain.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ava.Infrastructure.Persistence.Configurations;

internal sealed class HelpdeskTicketConfiguration : IEntityTypeConfiguration<HelpdeskTicket>
{
    public void Configure(EntityTypeBuilder<HelpdeskTicket> builder)
    {
        builder.ToTable("HelpdeskTickets");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Number).HasMaxLength(32).IsRequired();
        builder.Property(t => t.Subject).HasMaxLength(HelpdeskTicket.SubjectMaxLength).IsRequired();
        builder.Property(t => t.Body).IsRequired();
        builder.Property(t => t.OpenedBy).HasMaxLength(256).IsRequired();
        builder.Property(t => t.UpdatedBy).HasMaxLength(256).IsRequired();
        builder.Property(t => t.CreatedAt).HasConversion(ValueConversions.UtcTicks);
        builder.Property(t => t.UpdatedAt).HasConversion(ValueConversions.UtcTicks);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.Ignore(t => t.NextStatus);

        builder.HasOne<AiRecommendation>().WithMany().HasForeignKey(t => t.RecommendationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => t.Number).IsUnique();
        builder.HasIndex(t => t.RecommendationId);
        builder.HasIndex(t => t.CreatedAt);
        builder.HasIndex(t => new { t.Status, t.CreatedAt });
    }
}
