using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.RenderTree;
using MudBlazor;

namespace Ava.Dashboard.Components.Layout;

/// <summary>
/// <see cref="MudThemeProvider"/> whose style sheet is built once per theme and mode and shared by every circuit.
/// MudBlazor builds its CSS (about 12,000 characters) anew for each circuit and each render, and a circuit's render
/// trees keep the copies: tens of kilobytes per open tab for the same text. The markup is exactly what MudBlazor
/// renders; should a later version render anything but markup, this falls back to rendering it per circuit.
/// The layout decides light or dark (the user's saved choice, else the system's at sign-in), so the provider does
/// not follow the system by itself: its mode is always its <see cref="MudThemeProvider.IsDarkMode"/> parameter.
/// </summary>
public sealed class SharedThemeProvider : MudThemeProvider
{
    private static readonly ConcurrentDictionary<(MudTheme? Theme, bool Dark, bool DefaultScrollbar), string?> Markup = new();

    public SharedThemeProvider() => ObserveSystemDarkModeChange = false;

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
#pragma warning disable MUD0010 // Without observing the system, the mode is the parameter's value (see the summary).
        var markup = Markup.GetOrAdd((Theme, IsDarkMode, DefaultScrollbar), _ => RenderOnce());
#pragma warning restore MUD0010
        if (markup is null)
        {
            base.BuildRenderTree(builder);
            return;
        }

        builder.AddMarkupContent(0, markup);
    }

    /// <summary>MudBlazor's own output as one string, or null when it is not markup alone.</summary>
#pragma warning disable BL0006 // Reads the frames of a builder of its own, only to copy their markup.
    private string? RenderOnce()
    {
        using var scratch = new RenderTreeBuilder();
        base.BuildRenderTree(scratch);
        var frames = scratch.GetFrames();
        var markup = new StringBuilder();
        for (var i = 0; i < frames.Count; i++)
        {
            var frame = frames.Array[i];
            if (frame.FrameType != RenderTreeFrameType.Markup)
            {
                return null;
            }

            markup.Append(frame.MarkupContent);
        }

        return markup.ToString();
    }
#pragma warning restore BL0006
}
