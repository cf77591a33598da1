using Microsoft.AspNetCore.Components;

namespace Ava.Dashboard.Components.Shared;

/// <summary>
/// MudIcon's markup for an SVG icon, hidden from screen readers, written into the page's own tree: a MudIcon is a
/// component, and the layout, navigation and tables of every open tab show dozens of icons.
/// </summary>
public static class IconMarkup
{
    /// <param name="icon">The icon's SVG content, such as one of MudBlazor's <c>Icons.Material</c>.</param>
    /// <param name="size">small, medium or large, as MudIcon's sizes.</param>
    /// <param name="cssClass">Further classes, such as MudNavLink's icon classes.</param>
    public static RenderFragment Of(string icon, string size = "medium", string? cssClass = null) => builder =>
    {
        builder.OpenElement(0, "svg");
        builder.AddAttribute(1, "class", $"mud-icon-root mud-svg-icon mud-icon-size-{size}{(cssClass is null ? "" : " " + cssClass)}");
        builder.AddAttribute(2, "focusable", "false");
        builder.AddAttribute(3, "viewBox", "0 0 24 24");
        builder.AddAttribute(4, "aria-hidden", "true");
        builder.AddAttribute(5, "role", "img");
        builder.AddMarkupContent(6, icon);
        builder.CloseElement();
    };
}
