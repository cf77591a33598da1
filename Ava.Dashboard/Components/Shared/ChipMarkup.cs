using System.Net;
using System.Text;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Ava.Dashboard.Components.Shared;

/// <summary>
/// A small MudChip that does nothing when clicked, written as MudChip's own markup and classes in one markup frame.
/// A MudChip is a component with its render trees; grids and tiles show one or two per row, and every open tab holds
/// them all. The chips shown are few (bands, states, permissions), so each one's markup is kept once per process
/// and shared by every page (<see cref="SharedMarkup"/>).
/// </summary>
public static class ChipMarkup
{
    /// <param name="attributes">Further attributes of the chip (data-*, title), HTML-encoded like the text.</param>
    public static RenderFragment Of(string text, Color color, Variant variant, string? cssClass = null, params (string Name, string Value)[] attributes)
    {
        var html = new StringBuilder("<div class=\"mud-chip-container\"><div class=\"").Append(ClassOf(color, variant, cssClass)).Append('"');
        foreach (var (name, value) in attributes)
        {
            html.Append(' ').Append(name).Append("=\"").Append(WebUtility.HtmlEncode(value)).Append('"');
        }

        html.Append("><span class=\"mud-chip-content\">").Append(WebUtility.HtmlEncode(text)).Append("</span></div></div>");
        return SharedMarkup.Of(html.ToString());
    }

    /// <summary>The classes MudChip gives a small chip of <paramref name="color"/> and <paramref name="variant"/>.</summary>
    private static string ClassOf(Color color, Variant variant, string? cssClass) =>
        $"mud-chip mud-chip-{Lower(variant)} mud-chip-size-small mud-chip-color-{Lower(color)}{(cssClass is null ? "" : " " + cssClass)}";

    private static string Lower<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}
