using Microsoft.Playwright;

namespace Ava.E2E.Infrastructure;

/// <summary>How a page fits the width of its viewport.</summary>
public sealed record PageFit(int ViewportWidth, int ContentWidth, int ContentHeight, IReadOnlyList<string> Overflowing)
{
    public bool FitsWidth => ContentWidth <= ViewportWidth && Overflowing.Count == 0;

    public override string ToString() =>
        $"{ContentWidth} px wide in a {ViewportWidth} px viewport, {ContentHeight} px tall" +
        (Overflowing.Count > 0 ? $"; past the right edge: {string.Join(", ", Overflowing)}" : "");
}

public static class PageWidth
{
    // Elements that reach past the viewport's right edge and are not clipped by a scrolling or clipping box that fits:
    // they make the page scroll sideways, or (in a fixed bar) are cut off. Only the outermost of each is named.
    private const string Measure = """
        () => {
            const root = document.documentElement;
            const width = root.clientWidth;
            const sticksOut = e => {
                const box = e.getBoundingClientRect();
                // Wholly beyond the edge is off-screen by design (a closed drawer); partly beyond is cut off.
                if (box.width === 0 || box.right <= width + 1 || box.left >= width || getComputedStyle(e).visibility === 'hidden') return false;
                for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
                    if (getComputedStyle(a).overflowX !== 'visible' && a.getBoundingClientRect().right <= width + 1) return false;
                }
                return true;
            };
            const name = e => e.tagName.toLowerCase() + (e.dataset.testid ? `[data-testid=${e.dataset.testid}]` : '')
                + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\s+/).slice(0, 3).join('.') : '');
            const over = [...document.body.querySelectorAll('*')].filter(e => sticksOut(e) && !(e.parentElement && sticksOut(e.parentElement)));
            return { viewport: width, content: root.scrollWidth, height: root.scrollHeight, over: over.slice(0, 5).map(name) };
        }
        """;

    /// <summary>The page's width and height as laid out now, and what sticks out on the right, if anything.</summary>
    public static async Task<PageFit> FitAsync(this IPage page)
    {
        var fit = await page.EvaluateAsync<Measurement>(Measure);
        return new PageFit(fit.Viewport, fit.Content, fit.Height, fit.Over);
    }

    // Playwright fills the result by its property setters.
    private sealed class Measurement
    {
        public int Viewport { get; set; }

        public int Content { get; set; }

        public int Height { get; set; }

        public string[] Over { get; set; } = [];
    }
}
