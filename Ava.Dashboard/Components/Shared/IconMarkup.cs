using Microsoft.AspNetCore.Components;

namespace Ava.Dashboard.Components.Shared;

/// <summary>
/// MudIcon's markup for an SVG icon, hidden from screen readers, written into the page's own tree as one markup frame
/// (<see cref="SharedMarkup"/>). A MudIcon is a component, and an element with its attributes is seven frames in
/// every render tree that shows it; the layout, navigation and tables of every open tab show dozens of icons.
/// </summary>
public static class IconMarkup
{
    /// <param name="icon">The icon's SVG content, one of MudBlazor's <c>Icons.Material</c>: trusted markup, never user input.</param>
    /// <param name="size">small, medium or large, as MudIcon's sizes.</param>
    /// <param name="cssClass">Further classes, such as MudNavLink's icon classes.</param>
    public static RenderFragment Of(string icon, string size = "medium", string? cssClass = null) =>
        SharedMarkup.Of(Html(icon, size, cssClass));

    /// <summary>The icon's HTML, for markup that writes it inside a larger string.</summary>
    public static string Html(string icon, string size = "medium", string? cssClass = null) =>
        $"<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-{size}{(cssClass is null ? "" : " " + cssClass)}\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\">{icon}</svg>";
}
