using Ava.Domain.Streams;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ava.Infrastructure.Persistence.Configurations;

internal sealed class IntelligenceStreamConfiguration : IEntityTypeConfiguration<IntelligenceStream>
{
    public void Configure(EntityTypeBuilder<IntelligenceStream> builder)
    {
        builder.ToTable("Streams");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Title).HasMaxLength(IntelligenceStream.TitleMaxLength).IsRequired();
        builder.Property(s => s.Summary).HasMaxLength(IntelligenceStream.SummaryMaxLength).IsRequired();
        builder.Property(s => s.CreatedBy).HasMaxLength(256).IsRequired();
        builder.Property(s => s.UpdatedBy).HasMaxLength(256).IsRequired();
        builder.Property(s => s.CreatedAt).HasConversion(ValueConversions.UtcTicks);
        builder.Property(s => s.UpdatedAt).HasConversion(ValueConversions.UtcTicks);
        builder.Property(s => s.ArchivedAt).HasConversion(ValueConversions.NullableUtcTicks);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.Values);

        builder.HasMany(s => s.Tags).WithOne().HasForeignKey(t => t.StreamId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Tags).HasField("_tags").UsePropertyAccessMode(PropertyAccessMode.Field);

        // One index per sort the list offers, and one per filter and time or ECL sort, so a page with a
        // filter and a sort is read in index order instead of sorting every match.
        builder.HasIndex(s => s.CreatedAt);
        builder.HasIndex(s => s.UpdatedAt);
        builder.HasIndex(s => s.Title);
        builder.HasIndex(s => s.EclScore);
        builder.HasIndex(s => new { s.Status, s.CreatedAt });
        builder.HasIndex(s => new { s.Source, s.CreatedAt });
        builder.HasIndex(s => new { s.Priority, s.CreatedAt });
        builder.HasIndex(s => new { s.Status, s.UpdatedAt });
        builder.HasIndex(s => new { s.Source, s.UpdatedAt });
        builder.HasIndex(s => new { s.Priority, s.UpdatedAt });
        builder.HasIndex(s => new { s.Status, s.EclScore });
        builder.HasIndex(s => new { s.Source, s.EclScore });
        builder.HasIndex(s => new { s.Priority, s.EclScore });
    }
}

internal sealed class StreamTagConfiguration : IEntityTypeConfiguration<StreamTag>
{
    public void Configure(EntityTypeBuilder<StreamTag> builder)
    {
        builder.ToTable("StreamTags");
        builder.HasKey(t => new { t.StreamId, t.Tag });
        builder.Property(t => t.Tag).HasMaxLength(IntelligenceStream.TagMaxLength);
        builder.HasIndex(t => new { t.Tag, t.StreamId });
    }
}
