using Microsoft.Playwright;

namespace Ava.E2E.Infrastructure;

/// <summary>Moving through a page as a keyboard user does: Tab until the control is focused, then Enter or Space.</summary>
public static class Keyboard
{
    private const int MaxTabs = 80;

    private const string ComesBeforeFocus = """
        element => {
            const focus = document.activeElement;
            return !!focus && focus !== document.body && focus !== element
                && !!(element.compareDocumentPosition(focus) & Node.DOCUMENT_POSITION_FOLLOWING);
        }
        """;

    /// <summary>
    /// Presses Tab until <paramref name="target"/> has the focus and returns how many presses it took; fails when it is
    /// not reached within <see cref="MaxTabs"/> presses (not focusable, or hidden behind a keyboard trap).
    /// </summary>
    public static async Task<int> TabToAsync(this IPage page, ILocator target)
    {
        // A control waits for its own handlers; a plain link has none (Blazor's router follows links from the
        // document), so for a link the page's circuit is what must be up.
        await target.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        if (await target.EvaluateAsync<bool>("element => element.tagName === 'A' && !element.closest('button, [role=button]')"))
        {
            await page.Locator("header button[aria-label^='Switch to']").WaitUntilInteractiveAsync();
        }
        else
        {
            await target.WaitUntilInteractiveAsync();
        }

        // Like a user who sees where the control is: Shift+Tab when it comes before the focus, Tab otherwise.
        var key = await target.EvaluateAsync<bool>(ComesBeforeFocus) ? "Shift+Tab" : "Tab";
        for (var presses = 1; presses <= MaxTabs; presses++)
        {
            await page.Keyboard.PressAsync(key);
            if (await target.EvaluateAsync<bool>("element => element === document.activeElement || element.contains(document.activeElement)"))
            {
                return presses;
            }
        }

        var focused = await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing'");
        throw new InvalidOperationException($"{MaxTabs} presses of {key} did not reach {target}; the focus is on {focused}.");
    }

    /// <summary>Tabs to <paramref name="target"/> and presses <paramref name="key"/> ("Enter" or "Space") on it.</summary>
    public static async Task<int> TabToAndPressAsync(this IPage page, ILocator target, string key = "Enter")
    {
        var presses = await page.TabToAsync(target);
        await page.Keyboard.PressAsync(key);
        return presses;
    }
}
