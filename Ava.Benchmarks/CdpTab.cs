using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ava.E2E.Infrastructure;

namespace Ava.Benchmarks;

/// <summary>
/// One tab of Debian's Chromium driven over the DevTools protocol with nothing in between: Chromium is started with
/// the switches Playwright gives a headless launch, the tab is opened in a browser context of its own kept in memory
/// (as Playwright's are), and this process talks to it through a session on the browser's WebSocket. Only the
/// <c>Page</c> domain is enabled, so the browser reports navigations and load events and nothing else: no network
/// events, no console, no execution contexts, no driver process. What it costs the machine while a page loads is
/// one socket message for the navigation and one for the load event.
/// </summary>
internal sealed partial class CdpTab : IAsyncDisposable
{
    // The switches Playwright 1.64 gives a headless launch of Chromium, beside the ones the browser tests add, so that
    // the browser runs as it does under Playwright and only the harness differs; the window has the size of
    // Playwright's default viewport.
    private static readonly string[] HeadlessSwitches =
    [
        "--disable-field-trial-config", "--disable-background-timer-throttling", "--disable-backgrounding-occluded-windows",
        "--disable-back-forward-cache", "--disable-breakpad", "--disable-client-side-phishing-detection",
        "--disable-component-extensions-with-background-pages", "--no-default-browser-check", "--disable-default-apps",
        "--disable-dev-shm-usage", "--disable-extensions",
        "--disable-features=AvoidUnnecessaryBeforeUnloadCheckSync,DestroyProfileOnBrowserClose,DialMediaRouteProvider,"
            + "GlobalMediaControls,HttpsUpgrades,LensOverlay,MediaRouter,PaintHolding,ThirdPartyStoragePartitioning,"
            + "BlockOriginHeaderModificationOnRedirect,AvoidCorsURLLoaderRestartOnRedirect,Translate,AutoDeElevate,"
            + "OptimizationHints,NetworkTimeServiceQuerying,AimEnabled",
        "--enable-features=CDPScreenshotNewSurface", "--allow-pre-commit-input", "--disable-hang-monitor",
        "--disable-ipc-flooding-protection", "--disable-popup-blocking", "--disable-prompt-on-repost",
        "--disable-renderer-backgrounding", "--force-color-profile=srgb", "--metrics-recording-only",
        "--password-store=basic", "--use-mock-keychain", "--no-service-autorun", "--export-tagged-pdf",
        "--disable-search-engine-choice-screen", "--enable-unsafe-swiftshader", "--headless", "--hide-scrollbars", "--mute-audio",
        "--blink-settings=primaryHoverType=2,availableHoverTypes=2,primaryPointerType=4,availablePointerTypes=4",
        "--window-size=1280,720", "--remote-debugging-port=0",
    ];

    private readonly Process _chromium;
    private readonly string _profile;
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _replies = new();
    private readonly List<(string Method, TaskCompletionSource<JsonElement> Event)> _waiters = [];
    private readonly CancellationTokenSource _closing = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private Task _receiving = Task.CompletedTask;
    private string? _session;
    private int _nextId;

    private CdpTab(Process chromium, string profile)
    {
        _chromium = chromium;
        _profile = profile;
    }

    public static async Task<CdpTab> LaunchAsync()
    {
        var profile = Directory.CreateTempSubdirectory("ava-cdp-").FullName;
        var start = new ProcessStartInfo(ChromiumBrowser.ExecutablePath())
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var argument in ChromiumBrowser.Switches.Concat(HeadlessSwitches).Append($"--user-data-dir={profile}").Append("about:blank"))
        {
            start.ArgumentList.Add(argument);
        }

        var chromium = Process.Start(start) ?? throw new InvalidOperationException("Chromium could not be started.");
        var tab = new CdpTab(chromium, profile);
        try
        {
            _ = chromium.StandardOutput.BaseStream.CopyToAsync(Stream.Null);

            // Chromium writes its DevTools address to standard error once it listens.
            var browser = await ReadDevToolsAddressAsync(chromium).WaitAsync(TimeSpan.FromSeconds(30));
            await tab._socket.ConnectAsync(browser, CancellationToken.None);
            tab._receiving = Task.Run(tab.ReceiveAsync);

            // A tab in a browser context of its own, kept in memory as Playwright's contexts are: no history, cookies or
            // cache written to disk while pages load. The harness speaks to it through a session on the browser's socket.
            var context = await tab.SendAsync("Target.createBrowserContext", new JsonObject(), toPage: false);
            var target = await tab.SendAsync("Target.createTarget", new JsonObject
            {
                ["url"] = "about:blank",
                ["browserContextId"] = context.GetProperty("browserContextId").GetString(),
            }, toPage: false);
            var session = await tab.SendAsync("Target.attachToTarget", new JsonObject
            {
                ["targetId"] = target.GetProperty("targetId").GetString(),
                ["flatten"] = true,
            }, toPage: false);
            tab._session = session.GetProperty("sessionId").GetString();
            await tab.SendAsync("Page.enable");
            return tab;
        }
        catch
        {
            await tab.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sets a cookie for the address, as a sign-in's response would have.</summary>
    public Task SetCookiesAsync(Uri url, string cookieHeader) => Task.WhenAll(cookieHeader
        .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(pair => pair.Split('=', 2))
        .Select(pair => SendAsync("Network.setCookie", new JsonObject
        {
            ["name"] = pair[0],
            ["value"] = pair[1],
            ["url"] = url.ToString(),
            ["httpOnly"] = true,
        })));

    /// <summary>Navigates and waits for the page's load event.</summary>
    public async Task NavigateAsync(Uri url)
    {
        var loaded = WaitForEvent("Page.loadEventFired");
        var reply = await SendAsync("Page.navigate", new JsonObject { ["url"] = url.ToString() });
        if (reply.TryGetProperty("errorText", out var error))
        {
            throw new InvalidOperationException($"Navigating to {url} failed: {error.GetString()}");
        }

        await loaded.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Evaluates a script in the page, awaiting a promise it returns, and gives back its value as JSON.</summary>
    public async Task<JsonElement> EvaluateAsync(string expression)
    {
        var reply = await SendAsync("Runtime.evaluate", new JsonObject
        {
            ["expression"] = expression,
            ["awaitPromise"] = true,
            ["returnByValue"] = true,
        });
        if (reply.TryGetProperty("exceptionDetails", out var exception))
        {
            throw new InvalidOperationException($"The page's script failed: {exception}");
        }

        return reply.GetProperty("result").TryGetProperty("value", out var value) ? value.Clone() : default;
    }

    /// <summary>Sends a command to the tab, or with <paramref name="toPage"/> false to the browser, and waits for its reply.</summary>
    public async Task<JsonElement> SendAsync(string method, JsonObject? parameters = null, bool toPage = true)
    {
        var id = Interlocked.Increment(ref _nextId);
        var reply = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _replies[id] = reply;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        if (toPage)
        {
            message["sessionId"] = _session;
        }

        await _sending.WaitAsync();
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _sending.Release();
        }

        return await reply.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                await SendAsync("Browser.close", toPage: false).WaitAsync(TimeSpan.FromSeconds(5));
            }
        }
        catch (Exception e) when (e is WebSocketException or TimeoutException or InvalidOperationException or OperationCanceledException)
        {
            // The browser went away before it replied.
        }

        await _closing.CancelAsync();

        if (!_chromium.WaitForExit(5_000))
        {
            _chromium.Kill(entireProcessTree: true);
            await _chromium.WaitForExitAsync();
        }

        _socket.Dispose();
        _chromium.Dispose();
        try
        {
            await _receiving;
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The socket closed under the read.
        }

        Directory.Delete(_profile, recursive: true);
        _closing.Dispose();
        _sending.Dispose();
    }

    private Task<JsonElement> WaitForEvent(string method)
    {
        var waiter = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiters)
        {
            _waiters.Add((method, waiter));
        }

        return waiter.Task;
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (!_closing.IsCancellationRequested && _socket.State == WebSocketState.Open)
        {
            var read = await _socket.ReceiveAsync(buffer, _closing.Token);
            if (read.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            message.Write(buffer, 0, read.Count);
            if (!read.EndOfMessage)
            {
                continue;
            }

            using (var json = JsonDocument.Parse(message.ToArray()))
            {
                Dispatch(json.RootElement);
            }

            message.SetLength(0);
        }
    }

    private void Dispatch(JsonElement message)
    {
        if (message.TryGetProperty("id", out var id) && _replies.TryRemove(id.GetInt32(), out var reply))
        {
            if (message.TryGetProperty("error", out var error))
            {
                reply.TrySetException(new InvalidOperationException($"DevTools refused a command: {error}"));
            }
            else
            {
                reply.TrySetResult(message.GetProperty("result").Clone());
            }

            return;
        }

        if (!message.TryGetProperty("method", out var method))
        {
            return;
        }

        var name = method.GetString();
        lock (_waiters)
        {
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Method == name)
                {
                    _waiters[i].Event.TrySetResult(message.GetProperty("params").Clone());
                    _waiters.RemoveAt(i);
                }
            }
        }
    }

    private static async Task<Uri> ReadDevToolsAddressAsync(Process chromium)
    {
        while (await chromium.StandardError.ReadLineAsync() is { } line)
        {
            if (DevToolsAddress().Match(line) is { Success: true } match)
            {
                // The rest of standard error is drained so that Chromium never blocks writing to it.
                _ = chromium.StandardError.BaseStream.CopyToAsync(Stream.Null);
                return new Uri(match.Groups["address"].Value);
            }
        }

        throw new InvalidOperationException($"Chromium exited ({chromium.ExitCode}) before it listened for DevTools.");
    }

    [GeneratedRegex(@"DevTools listening on (?<address>ws://\S+)")]
    private static partial Regex DevToolsAddress();
}
