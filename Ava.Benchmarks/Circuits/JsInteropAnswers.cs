using System.Collections.Concurrent;

namespace Ava.Benchmarks.Circuits;

/// <summary>
/// What a simulated browser answers when the server calls JavaScript. A call whose .NET caller reads no result
/// (it registers a listener, connects a popover, sets focus) succeeds with <c>null</c>. A call that reads one gets
/// what a desktop browser at 1280 × 800 in a light theme with the page's scripts loaded would answer. Every
/// identifier is counted, with the first arguments it came with, so a run shows which calls the page made.
/// </summary>
internal sealed class JsInteropAnswers
{
    /// <summary>Blazor's own call that attaches the server renderer; the browser sends its root components after it.</summary>
    public const string AttachRenderer = "Blazor._internal.attachWebRendererInterop";

    // JSCallResultType.JSVoidResult: the caller (InvokeVoidAsync) reads nothing back.
    private const int VoidResult = 3;

    private static readonly Dictionary<string, string> ValueAnswers = new(StringComparer.Ordinal)
    {
        // MudBlazor checks that its script is loaded (window.hasOwnProperty("mudElementRef")); the page loads it.
        ["window.hasOwnProperty"] = "true",
        ["mudThemeProvider.isDarkMode"] = "false",
        ["mudpopoverHelper.countProviders"] = "1",
        ["mudResizeListener.getBrowserWindowSize"] = """{"width":1280,"height":800}""",
        ["mudElementRef.getBoundingClientRect"] = """{"top":0,"left":0,"width":1280,"height":64,"x":0,"y":0,"scrollX":0,"scrollY":0,"windowWidth":1280,"windowHeight":800}""",

        // The title prerendered in the page's <title>, which HeadOutlet takes over.
        ["Blazor._internal.PageTitle.getAndRemoveExistingTitle"] = "\"Home · Ava Prime\"",
    };

    private readonly ConcurrentDictionary<string, Call> _seen = new(StringComparer.Ordinal);

    /// <summary>Each identifier called, over every simulated browser: the result type asked for, the first call's arguments, and how many calls.</summary>
    public IReadOnlyDictionary<string, Call> Seen => _seen;

    /// <summary>The JSON of the call's result.</summary>
    public string ResultOf(string identifier, int resultType, string? argsJson)
    {
        _seen.AddOrUpdate(identifier, _ => new Call(resultType, argsJson, 1), (_, call) => call with { Count = call.Count + 1 });
        return resultType == VoidResult ? "null" : ValueAnswers.GetValueOrDefault(identifier, "null");
    }

    /// <summary>One identifier's calls.</summary>
    public sealed record Call(int ResultType, string? FirstArguments, int Count)
    {
        public override string ToString() =>
            $"×{Count}{(ResultType == VoidResult ? "" : $", reads a result{(FirstArguments is { Length: > 2 } args ? $" for {Shorten(args)}" : "")}")}";

        private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
    }
}
