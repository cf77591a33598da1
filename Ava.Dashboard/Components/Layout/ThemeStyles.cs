using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace Ava.Dashboard.Components.Layout;

/// <summary>
/// The theme's style element (MudBlazor's CSS variables of <see cref="AvaTheme"/>, about 12,000 characters) in the
/// light and the dark mode, rendered once by MudBlazor's own <see cref="MudThemeProvider"/> and written by the layout
/// of every page as one markup frame. A theme provider in each open tab would build the same text for each circuit and
/// keep a component, its state and a theme of its own there. The layout decides light or dark (the user's saved choice,
/// else the system's), so nothing here follows the system by itself.
/// </summary>
public sealed class ThemeStyles(IServiceProvider services, ILoggerFactory loggerFactory)
{
    private readonly Lazy<MarkupString> _light = new(() => Render(services, loggerFactory, dark: false));
    private readonly Lazy<MarkupString> _dark = new(() => Render(services, loggerFactory, dark: true));

    public MarkupString For(bool dark) => dark ? _dark.Value : _light.Value;

    private static MarkupString Render(IServiceProvider services, ILoggerFactory loggerFactory, bool dark)
    {
        using var scope = services.CreateScope();
        using var renderer = new HtmlRenderer(scope.ServiceProvider, loggerFactory);
        var html = renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(MudThemeProvider.Theme)] = AvaTheme.Theme,
                [nameof(MudThemeProvider.IsDarkMode)] = dark,
                [nameof(MudThemeProvider.ObserveSystemDarkModeChange)] = false,
            });
            var output = await renderer.RenderComponentAsync<MudThemeProvider>(parameters);
            return output.ToHtmlString();
        }).GetAwaiter().GetResult();
        return new MarkupString(html);
    }
}
