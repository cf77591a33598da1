using Ava.Domain.Codestones;
using Ava.Domain.Recommendations;
using Ava.Infrastructure.Persistence;
using FluentValidation;

namespace Ava.Infrastructure.ChangeSets;

/// <summary>Codestones as recommendations see them. Changeable: review_status, ecl_score, title, language, code.</summary>
internal sealed class CodestoneChangeTarget(IValidator<CodestoneValues> validator) : ChangeTarget<Codestone, CodestoneValues>(validator)
{
    private static readonly IReadOnlyList<FieldDescriptor<CodestoneValues>> AllFields =
    [
        FieldDescriptor<CodestoneValues>.Text("title", true, v => v.Title, (v, t) => v with { Title = t ?? "" }),
        FieldDescriptor<CodestoneValues>.Enum("language", true, v => v.Language, (v, e) => v with { Language = e }),
        FieldDescriptor<CodestoneValues>.Text("code", true, v => v.Code, (v, t) => v with { Code = t ?? "" }, isLongText: true),
        FieldDescriptor<CodestoneValues>.Text("github_url", false, v => v.GitHubUrl, (v, t) => v with { GitHubUrl = string.IsNullOrWhiteSpace(t) ? null : t }),
        FieldDescriptor<CodestoneValues>.Enum("review_status", true, v => v.ReviewStatus, (v, e) => v with { ReviewStatus = e }),
        FieldDescriptor<CodestoneValues>.Score("ecl_score", true, v => v.EclScore, (v, s) => v with { EclScore = s }),
    ];

    public override ChangeTargetType Type => ChangeTargetType.Codestone;

    protected override IReadOnlyList<FieldDescriptor<CodestoneValues>> Fields => AllFields;

    protected override CodestoneValues Defaults => CodestoneValues.Empty;

    protected override (string On, string Off) IdentityInsert => ("SET IDENTITY_INSERT [Codestones] ON", "SET IDENTITY_INSERT [Codestones] OFF");

    protected override IQueryable<Codestone> Query(AvaDbContext db) => db.Codestones;

    protected override CodestoneValues ValuesOf(Codestone entity) => entity.Values;

    protected override string Title(Codestone entity) => entity.Title;

    protected override Codestone Create(CodestoneValues values, string by, DateTimeOffset at) => new(values, by, at);

    protected override void Update(Codestone entity, CodestoneValues values, string by, DateTimeOffset at) => entity.Update(values, by, at);

    protected override (long Id, string UpdatedBy, DateTimeOffset UpdatedAt) Identity(Codestone entity) => (entity.Id, entity.UpdatedBy, entity.UpdatedAt);

    protected override IReadOnlyDictionary<string, string?> Meta(Codestone entity) => new Dictionary<string, string?>
    {
        ["author"] = entity.Author,
        ["created_at"] = StreamChangeTarget.Time(entity.CreatedAt),
        ["updated_at"] = StreamChangeTarget.Time(entity.UpdatedAt),
        ["updated_by"] = entity.UpdatedBy,
    };

    protected override Codestone Restore(EntitySnapshot snapshot, CodestoneValues values) => Codestone.Restore(
        snapshot.Id,
        values,
        snapshot.Meta["author"] ?? "",
        StreamChangeTarget.ParseTime(snapshot.Meta["created_at"])!.Value,
        StreamChangeTarget.ParseTime(snapshot.Meta["updated_at"])!.Value,
        snapshot.Meta["updated_by"] ?? "");
}
