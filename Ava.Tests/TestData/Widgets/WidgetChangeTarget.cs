using System.Globalization;
using Ava.Domain.Recommendations;
using Ava.Infrastructure.ChangeSets;
using Ava.Infrastructure.Persistence;
using FluentValidation;

namespace Ava.Tests.TestData.Widgets;

/// <summary>Widgets as recommendations see them, declared the way the product declares streams and codestones.</summary>
public sealed class WidgetChangeTarget(IValidator<WidgetValues> validator) : ChangeTarget<Widget, WidgetValues, WidgetSnapshotMeta>(validator)
{
    public static readonly ChangeTargetType WidgetType = new("widget");

    private static readonly IReadOnlyList<FieldDescriptor<WidgetValues>> AllFields =
    [
        FieldDescriptor<WidgetValues>.Text("name", true, v => v.Name, (v, t) => v with { Name = t ?? "" }),
        new("size", true, false, v => v.Size.ToString(CultureInfo.InvariantCulture), (v, t) => v with { Size = int.Parse(t!, CultureInfo.InvariantCulture) },
            t => int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) ? null : $"'{t}' is not a valid size; use a whole number."),
        FieldDescriptor<WidgetValues>.Text("notes", true, v => v.Notes, (v, t) => v with { Notes = t ?? "" }, isLongText: true),
        FieldDescriptor<WidgetValues>.Text("colour", false, v => v.Colour, (v, t) => v with { Colour = t ?? "" }),
    ];

    public override ChangeTargetType Type => WidgetType;

    public override ChangeTargetNoun Noun { get; } = new("widget", "widgets");

    public override string Route => "/widgets/{id}";

    public override string TitleField => "name";

    protected override IReadOnlyList<FieldDescriptor<WidgetValues>> Fields => AllFields;

    protected override WidgetValues Defaults => new("", 1, "", "grey");

    protected override IQueryable<Widget> Query(AvaDbContext db) => db.Set<Widget>();

    protected override WidgetValues ValuesOf(Widget entity) => entity.Values;

    protected override Widget Create(WidgetValues values, string by, DateTimeOffset at) => new(values, by, at);

    protected override void Update(Widget entity, WidgetValues values, string by, DateTimeOffset at) => entity.Update(values, by, at);

    protected override (string By, DateTimeOffset At) LastChange(Widget entity) => (entity.UpdatedBy, entity.UpdatedAt);

    protected override WidgetSnapshotMeta Meta(Widget entity) => new(entity.CreatedBy, entity.CreatedAt, entity.UpdatedBy, entity.UpdatedAt);

    protected override Widget Restore(long id, WidgetValues values, WidgetSnapshotMeta meta) => Widget.Restore(id, values, meta);
}

public sealed class WidgetValuesValidator : AbstractValidator<WidgetValues>
{
    public WidgetValuesValidator()
    {
        RuleFor(v => v.Name).Must(n => n.Trim().Length is >= 3 and <= 50).WithMessage("Name must be 3 to 50 characters.");
        RuleFor(v => v.Size).InclusiveBetween(1, 100).WithMessage("Size must be between 1 and 100.");
    }
}
