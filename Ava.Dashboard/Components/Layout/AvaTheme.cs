using MudBlazor;

namespace Ava.Dashboard.Components.Layout;

/// <summary>
/// The dashboard's colours. Every colour that MudBlazor uses both as text on the page and as a fill under its
/// contrast text is chosen so that both pairs reach WCAG AA (4.5:1) against the palette's backgrounds, including
/// the lightly tinted ones of outlined chips and alerts; the accessibility browser tests check it on every page.
/// MudBlazor's own defaults (#ff9800 warning, #00c853 success, white on #818cf8 …) do not.
/// </summary>
internal static class AvaTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#4f46e5",
            Secondary = "#0369a1",
            Tertiary = "#0b6b63",
            Info = "#1d4ed8",
            Success = "#137333",
            Warning = "#9a4a00",
            Error = "#b91c1c",
            AppbarBackground = "#312e81",
            TextSecondary = "rgba(0,0,0,0.62)",
        },
        PaletteDark = new PaletteDark
        {
            // Light tints on dark surfaces, each with a dark shade of itself as the text on a fill.
            Primary = "#a5b4fc",
            PrimaryContrastText = "#1e1b4b",
            Secondary = "#7dd3fc",
            SecondaryContrastText = "#0c4a6e",
            Tertiary = "#5eead4",
            TertiaryContrastText = "#134e4a",
            Info = "#93c5fd",
            InfoContrastText = "#1e3a8a",
            Success = "#4ade80",
            SuccessContrastText = "#14532d",
            Warning = "#fbbf24",
            WarningContrastText = "#451a03",
            Error = "#fca5a5",
            ErrorContrastText = "#7f1d1d",
            AppbarBackground = "#1e1b4b",
            AppbarText = "rgba(255,255,255,0.87)",
            TextPrimary = "rgba(255,255,255,0.87)",
            TextSecondary = "rgba(255,255,255,0.70)",
            DrawerText = "rgba(255,255,255,0.70)",
            DrawerIcon = "rgba(255,255,255,0.70)",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica", "Arial", "sans-serif"] },
        },
    };
}
