using System.Diagnostics;
using Microsoft.Playwright;

namespace Ava.E2E.Infrastructure;

/// <summary>
/// A Blazor Server page is prerendered: its buttons are on screen before the circuit has attached their
/// handlers, and a click in that window does nothing. Blazor keeps an element's handlers in a property
/// named <c>_blazorEvents_N</c>; once it is there, a click reaches the server.
/// </summary>
public static class BlazorInteractivity
{
    private const string HasBlazorHandlers =
        "element => Object.getOwnPropertyNames(element).some(name => name.startsWith('_blazorEvents_'))";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Waits until Blazor handles events on the element, then clicks it.</summary>
    public static async Task ClickWhenInteractiveAsync(this ILocator locator)
    {
        await locator.WaitUntilInteractiveAsync();
        await locator.ClickAsync();
    }

    public static async Task WaitUntilInteractiveAsync(this ILocator locator)
    {
        // The locator is evaluated afresh each time: the interactive render may replace the prerendered element.
        var clock = Stopwatch.StartNew();
        while (!await locator.EvaluateAsync<bool>(HasBlazorHandlers))
        {
            if (clock.Elapsed > Timeout)
            {
                throw new TimeoutException($"{locator} did not become interactive within {Timeout.TotalSeconds} s.");
            }

            await Task.Delay(PollInterval);
        }
    }
}
