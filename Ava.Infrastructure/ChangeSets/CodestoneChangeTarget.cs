using Ava.Domain.Codestones;
using Ava.Domain.Recommendations;
using Ava.Infrastructure.Persistence;
using FluentValidation;

namespace Ava.Infrastructure.ChangeSets;

/// <summary>Codestones as recommendations see them. Changeable: review_status, ecl_score, title, language, code.</summary>
internal sealed class CodestoneChangeTarget(IValidator<CodestoneValues> validator) : ChangeTarget<Codestone, CodestoneValues, CodestoneSnapshotMeta>(validator)
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

    public override ChangeTargetNoun Noun { get; } = new("codestone", "codestones");

    public override string Route => "/codestones/{id}";

    public override string TitleField => "title";

    protected override IReadOnlyList<FieldDescriptor<CodestoneValues>> Fields => AllFields;

    protected override CodestoneValues Defaults => CodestoneValues.Empty;

    protected override IQueryable<Codestone> Query(AvaDbContext db) => db.Codestones;

    protected override CodestoneValues ValuesOf(Codestone entity) => entity.Values;

    protected override Codestone Create(CodestoneValues values, string by, DateTimeOffset at) => new(values, by, at);

    protected override void Update(Codestone entity, CodestoneValues values, string by, DateTimeOffset at) => entity.Update(values, by, at);

    protected override (string By, DateTimeOffset At) LastChange(Codestone entity) => (entity.UpdatedBy, entity.UpdatedAt);

    protected override CodestoneSnapshotMeta Meta(Codestone entity) => new(entity.Author, entity.CreatedAt, entity.UpdatedAt, entity.UpdatedBy);

    protected override Codestone Restore(long id, CodestoneValues values, CodestoneSnapshotMeta meta) =>
        Codestone.Restore(id, values, meta.Author, meta.CreatedAt, meta.UpdatedAt, meta.UpdatedBy);
}

/// <summary>What a codestone snapshot keeps beside the fields: its author, when it was created, and who changed it last and when.</summary>
public sealed record CodestoneSnapshotMeta(string Author, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string UpdatedBy);
