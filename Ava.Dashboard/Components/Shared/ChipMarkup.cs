using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Ava.Dashboard.Components.Shared;

/// <summary>
/// A small MudChip that does nothing when clicked, written as MudChip's own markup and classes. A MudChip is a component
/// with its render trees; grids and tiles show one or two per row, and every open tab holds them all. Written into the
/// page's own tree, a chip costs a few frames instead.
/// </summary>
public static class ChipMarkup
{
    /// <param name="attributes">Further attributes of the chip (data-*, title), written as given.</param>
    public static RenderFragment Of(string text, Color color, Variant variant, string? cssClass = null, params (string Name, object? Value)[] attributes) => builder =>
    {
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "class", "mud-chip-container");
        builder.OpenElement(2, "div");
        builder.AddAttribute(3, "class", ClassOf(color, variant, cssClass));
        foreach (var (name, value) in attributes)
        {
            builder.AddAttribute(4, name, value);
        }

        builder.OpenElement(5, "span");
        builder.AddAttribute(6, "class", "mud-chip-content");
        builder.AddContent(7, text);
        builder.CloseElement();
        builder.CloseElement();
        builder.CloseElement();
    };

    /// <summary>The classes MudChip gives a small chip of <paramref name="color"/> and <paramref name="variant"/>.</summary>
    public static string ClassOf(Color color, Variant variant, string? cssClass = null) =>
        $"mud-chip mud-chip-{Lower(variant)} mud-chip-size-small mud-chip-color-{Lower(color)}{(cssClass is null ? "" : " " + cssClass)}";

    private static string Lower<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}
