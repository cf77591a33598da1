using Ava.Domain.Recommendations;
using Ava.Domain.Streams;
using Ava.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Ava.Infrastructure.ChangeSets;

/// <summary>Intelligence streams as recommendations see them. Changeable: status, priority, title, summary, tags, ecl_score.</summary>
internal sealed class StreamChangeTarget(IValidator<StreamValues> validator) : ChangeTarget<IntelligenceStream, StreamValues, StreamSnapshotMeta>(validator)
{
    private static readonly IReadOnlyList<FieldDescriptor<StreamValues>> AllFields =
    [
        FieldDescriptor<StreamValues>.Text("title", true, v => v.Title, (v, t) => v with { Title = t ?? "" }),
        FieldDescriptor<StreamValues>.Enum("source", false, v => v.Source, (v, e) => v with { Source = e }),
        FieldDescriptor<StreamValues>.Enum("status", true, v => v.Status, (v, e) => v with { Status = e }),
        FieldDescriptor<StreamValues>.Enum("priority", true, v => v.Priority, (v, e) => v with { Priority = e }),
        FieldDescriptor<StreamValues>.Text("summary", true, v => v.Summary, (v, t) => v with { Summary = t ?? "" }, isLongText: true),
        FieldDescriptor<StreamValues>.Score("ecl_score", true, v => v.EclScore, (v, s) => v with { EclScore = s }),
        FieldDescriptor<StreamValues>.Text("tags", true, v => string.Join(", ", StreamValues.NormalizeTags(v.Tags).Order(StringComparer.Ordinal)),
            (v, t) => v with { Tags = (t ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) }),
    ];

    public override ChangeTargetType Type => ChangeTargetType.Stream;

    public override ChangeTargetNoun Noun { get; } = new("stream", "streams");

    public override string Route => "/streams/{id}";

    public override string TitleField => "title";

    protected override IReadOnlyList<FieldDescriptor<StreamValues>> Fields => AllFields;

    /// <summary>A stream an assistant creates starts as raw, normal priority, from an automated source.</summary>
    protected override StreamValues Defaults => StreamValues.Empty with { Source = StreamSource.Automated };

    protected override IQueryable<IntelligenceStream> Query(AvaDbContext db) => db.Streams.Include(s => s.Tags);

    protected override StreamValues ValuesOf(IntelligenceStream entity) => entity.Values;

    protected override IntelligenceStream Create(StreamValues values, string by, DateTimeOffset at) => new(values, by, at);

    protected override void Update(IntelligenceStream entity, StreamValues values, string by, DateTimeOffset at) => entity.Update(values, by, at);

    protected override (string By, DateTimeOffset At) LastChange(IntelligenceStream entity) => (entity.UpdatedBy, entity.UpdatedAt);

    protected override StreamSnapshotMeta Meta(IntelligenceStream entity) =>
        new(entity.CreatedAt, entity.CreatedBy, entity.UpdatedAt, entity.UpdatedBy, entity.ArchivedAt);

    protected override IntelligenceStream Restore(long id, StreamValues values, StreamSnapshotMeta meta) =>
        IntelligenceStream.Restore(id, values, meta.CreatedAt, meta.CreatedBy, meta.UpdatedAt, meta.UpdatedBy, meta.ArchivedAt);
}

/// <summary>What a stream snapshot keeps beside the fields: who created and last changed it, when, and when it was archived.</summary>
public sealed record StreamSnapshotMeta(DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset UpdatedAt, string UpdatedBy, DateTimeOffset? ArchivedAt);
