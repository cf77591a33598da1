using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;

namespace Ava.Dashboard.Components.Shared;

/// <summary>
/// Markup written into a page's render tree as one frame, the same string shared by every page that shows it. Icons,
/// chips and status labels are a few hundred different strings in all, while every open tab shows them in every row;
/// kept once per process, a row holds a reference instead of an element, its attributes and a copy of its text.
/// </summary>
public static class SharedMarkup
{
    /// <summary>Beyond this many different strings, markup is no longer kept, only written.</summary>
    private const int MaxKept = 4_000;

    private static readonly ConcurrentDictionary<string, string> Kept = new(StringComparer.Ordinal);

    /// <param name="html">Trusted HTML: every value in it from a user or the database already encoded.</param>
    public static RenderFragment Of(string html)
    {
        var markup = Kept.Count < MaxKept ? Kept.GetOrAdd(html, html) : Kept.GetValueOrDefault(html, html);
        return builder => builder.AddMarkupContent(0, markup);
    }
}
