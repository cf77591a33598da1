using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Components;

namespace Ava.Dashboard.Components.Shared;

/// <summary>
/// Icons that repeat down a table, drawn from one sprite: the page holds each icon's SVG once, as a
/// <c>&lt;symbol&gt;</c>, and each row a two-element <c>&lt;svg&gt;&lt;use&gt;</c> that points at it. A Material icon
/// written out is up to sixteen elements and 700 bytes, in every row that shows it, all of it for the browser to
/// parse before the page's first paint.
/// </summary>
public static class IconSprite
{
    private static readonly ConcurrentDictionary<string, string> Ids = new(StringComparer.Ordinal);

    /// <summary>The symbol's id for <paramref name="icon"/>: the same icon has the same id on every page.</summary>
    public static string IdOf(string icon) =>
        Ids.GetOrAdd(icon, static content => "icon-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)), 0, 5));

    /// <summary>
    /// The sprite: a hidden SVG holding one symbol per icon. Render it once on the page, before or beside everything
    /// that uses it, and only once, since its symbols carry ids.
    /// </summary>
    /// <param name="icons">MudBlazor's <c>Icons.Material</c> strings: trusted markup, never user input.</param>
    public static RenderFragment Symbols(IEnumerable<string> icons)
    {
        var html = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" aria-hidden=\"true\" focusable=\"false\" style=\"display:none\">");
        foreach (var icon in icons.Distinct(StringComparer.Ordinal))
        {
            html.Append("<symbol id=\"").Append(IdOf(icon)).Append("\" viewBox=\"0 0 24 24\">").Append(icon).Append("</symbol>");
        }

        return SharedMarkup.Of(html.Append("</svg>").ToString());
    }

    /// <summary>MudIcon's markup for <paramref name="icon"/>, drawn from the page's sprite (<see cref="Symbols"/>).</summary>
    /// <param name="size">small, medium or large, as MudIcon's sizes.</param>
    /// <param name="cssClass">Further classes.</param>
    public static string Html(string icon, string size = "medium", string? cssClass = null) =>
        IconMarkup.Html(Reference(icon), size, cssClass);

    /// <summary><see cref="Html"/> as one shared markup frame.</summary>
    public static RenderFragment Of(string icon, string size = "medium", string? cssClass = null) =>
        IconMarkup.Of(Reference(icon), size, cssClass);

    private static string Reference(string icon) => $"<use href=\"#{IdOf(icon)}\"/>";
}
