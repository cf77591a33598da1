using System.Globalization;
using Ava.Domain.Recommendations;
using Ava.Domain.Streams;
using Ava.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Ava.Infrastructure.ChangeSets;

/// <summary>Intelligence streams as recommendations see them. Changeable: status, priority, title, summary, tags, ecl_score.</summary>
internal sealed class StreamChangeTarget(IValidator<StreamValues> validator) : ChangeTarget<IntelligenceStream, StreamValues>(validator)
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

    protected override IReadOnlyList<FieldDescriptor<StreamValues>> Fields => AllFields;

    /// <summary>A stream an assistant creates starts as raw, normal priority, from an automated source.</summary>
    protected override StreamValues Defaults => StreamValues.Empty with { Source = StreamSource.Automated };

    protected override (string On, string Off) IdentityInsert => ("SET IDENTITY_INSERT [Streams] ON", "SET IDENTITY_INSERT [Streams] OFF");

    protected override IQueryable<IntelligenceStream> Query(AvaDbContext db) => db.Streams.Include(s => s.Tags);

    protected override StreamValues ValuesOf(IntelligenceStream entity) => entity.Values;

    protected override string Title(IntelligenceStream entity) => entity.Title;

    protected override IntelligenceStream Create(StreamValues values, string by, DateTimeOffset at) => new(values, by, at);

    protected override void Update(IntelligenceStream entity, StreamValues values, string by, DateTimeOffset at) => entity.Update(values, by, at);

    protected override (long Id, string UpdatedBy, DateTimeOffset UpdatedAt) Identity(IntelligenceStream entity) => (entity.Id, entity.UpdatedBy, entity.UpdatedAt);

    protected override IReadOnlyDictionary<string, string?> Meta(IntelligenceStream entity) => new Dictionary<string, string?>
    {
        ["created_at"] = Time(entity.CreatedAt),
        ["created_by"] = entity.CreatedBy,
        ["updated_at"] = Time(entity.UpdatedAt),
        ["updated_by"] = entity.UpdatedBy,
        ["archived_at"] = entity.ArchivedAt is { } archived ? Time(archived) : null,
    };

    protected override IntelligenceStream Restore(EntitySnapshot snapshot, StreamValues values) => IntelligenceStream.Restore(
        snapshot.Id,
        values,
        ParseTime(snapshot.Meta["created_at"])!.Value,
        snapshot.Meta["created_by"] ?? "",
        ParseTime(snapshot.Meta["updated_at"])!.Value,
        snapshot.Meta["updated_by"] ?? "",
        ParseTime(snapshot.Meta.GetValueOrDefault("archived_at")));

    internal static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    internal static DateTimeOffset? ParseTime(string? text) =>
        text is null ? null : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
