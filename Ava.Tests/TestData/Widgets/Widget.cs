using Ava.Domain.Common;

namespace Ava.Tests.TestData.Widgets;

/// <summary>
/// An entity the product does not have: the third kind of change target, which exists only in the
/// tests to show that a kind registered in the catalogue is submitted, previewed, applied, rolled
/// back, labelled and linked by the same services as streams and codestones.
/// </summary>
public sealed class Widget : IVersioned, IEntity
{
    private Widget()
    {
    }

    public Widget(WidgetValues values, string by, DateTimeOffset at)
    {
        Apply(values);
        CreatedBy = by;
        CreatedAt = at;
        UpdatedBy = by;
        UpdatedAt = at;
    }

    public long Id { get; private set; }

    public string Name { get; private set; } = "";

    public int Size { get; private set; }

    public string Notes { get; private set; } = "";

    public string Colour { get; private set; } = "";

    public string CreatedBy { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public DateTimeOffset UpdatedAt { get; private set; }

    public Guid Version { get; private set; } = Guid.NewGuid();

    public WidgetValues Values => new(Name, Size, Notes, Colour);

    public static Widget Restore(long id, WidgetValues values, WidgetSnapshotMeta meta)
    {
        var widget = new Widget { Id = id, CreatedBy = meta.CreatedBy, CreatedAt = meta.CreatedAt, UpdatedBy = meta.UpdatedBy, UpdatedAt = meta.UpdatedAt };
        widget.Apply(values);
        return widget;
    }

    public void NewVersion() => Version = Guid.NewGuid();

    public void Update(WidgetValues values, string by, DateTimeOffset at)
    {
        Apply(values);
        UpdatedBy = by;
        UpdatedAt = at;
    }

    private void Apply(WidgetValues values) => (Name, Size, Notes, Colour) = (values.Name.Trim(), values.Size, values.Notes, values.Colour);
}

/// <summary>What a person edits on a widget; the colour is theirs alone, not an assistant's.</summary>
public sealed record WidgetValues(string Name, int Size, string Notes, string Colour);

/// <summary>What a widget snapshot keeps beside the fields.</summary>
public sealed record WidgetSnapshotMeta(string CreatedBy, DateTimeOffset CreatedAt, string UpdatedBy, DateTimeOffset UpdatedAt);
