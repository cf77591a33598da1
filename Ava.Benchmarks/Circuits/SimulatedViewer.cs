using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Benchmarks.Circuits;

/// <summary>
/// One signed-in user with a page open, without a browser. It does what blazor.web.js (.NET 10) does for a
/// prerendered page: GET the page with the session cookie, read the server component markers, connect to
/// <c>/_blazor</c> in the blazorpack protocol, <c>StartCircuit</c> with no initial components, answer the server's
/// call that attaches its renderer, then send <c>UpdateRootComponents</c> with an <c>add</c> per marker and the
/// page's persisted state. From then on it acknowledges every render batch (<c>OnRenderCompleted</c>) and answers
/// every JavaScript call (<c>EndInvokeJSFromDotNet</c>), so the circuit lives as it would in a browser: it holds
/// the page's components, re-renders them on live updates, and is revalidated by the server every minute. It does
/// not apply render batches to a DOM, fetch static assets, or raise events.
/// </summary>
internal sealed class SimulatedViewer : IAsyncDisposable
{
    private const int FirstOperationBatch = 1;
    private static readonly Type[] BeginInvokeJsArguments = [typeof(long), typeof(string), typeof(string), typeof(int), typeof(long), typeof(int)];

    private readonly HubConnection _connection;
    private readonly JsInteropAnswers _answers;
    private readonly byte[] _expectedText;
    private readonly TaskCompletionSource _rendererAttached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _pageRendered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _rootComponentsAdded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _renderBatches;
    private long _renderBytes;
    private int _jsCalls;
    private long _lastRenderTimestamp;

    private SimulatedViewer(Uri hubUrl, string cookie, JsInteropAnswers answers, string expectedText, IHubProtocol protocol)
    {
        _answers = answers;
        _expectedText = System.Text.Encoding.UTF8.GetBytes(expectedText);
        var builder = new HubConnectionBuilder().WithUrl(hubUrl, options =>
        {
            options.Headers["Cookie"] = cookie;
            options.Transports = HttpTransportType.WebSockets;
        });
        builder.Services.AddSingleton(protocol);
        _connection = builder.Build();
        _connection.On("JS.RenderBatch", [typeof(long), typeof(byte[])], args => OnRenderBatchAsync((long)args[0]!, (byte[])args[1]!));
        _connection.On("JS.BeginInvokeJS", BeginInvokeJsArguments, args => OnBeginInvokeJsAsync((long)args[0]!, (string)args[1]!, (string?)args[2], (int)args[3]!));
        _connection.On("JS.EndUpdateRootComponents", [typeof(long)], _ =>
        {
            _rootComponentsAdded.TrySetResult();
            return Task.CompletedTask;
        });
        _connection.On("JS.Error", [typeof(string)], args =>
        {
            Error ??= (string?)args[0] ?? "JS.Error";
            _pageRendered.TrySetException(new InvalidOperationException($"The circuit failed: {Error}"));
            return Task.CompletedTask;
        });
        _connection.Closed += error =>
        {
            Error ??= error?.Message ?? "the connection closed";
            var closed = new InvalidOperationException($"The connection closed: {Error}");
            _rendererAttached.TrySetException(closed);
            _pageRendered.TrySetException(closed);
            return Task.CompletedTask;
        };
    }

    /// <summary>Why the circuit or its connection ended, if it did.</summary>
    public string? Error { get; private set; }

    /// <summary>Whether the connection is open and the circuit has not reported an error.</summary>
    public bool IsHolding => _connection.State == HubConnectionState.Connected && Error is null;

    public int RenderBatches => _renderBatches;

    public long RenderBytes => _renderBytes;

    public int JsCalls => _jsCalls;

    /// <summary>When the last render batch arrived, as a <see cref="System.Diagnostics.Stopwatch"/> timestamp.</summary>
    public long LastRenderTimestamp => Interlocked.Read(ref _lastRenderTimestamp);

    /// <summary>Opens <paramref name="page"/> and returns once the page's text has arrived in a render batch and the server has added the root components.</summary>
    /// <param name="http">For the page request; sends no cookies of its own and follows no redirects.</param>
    /// <param name="expectedText">Text the page's interactive render must contain, proof that the circuit renders the page.</param>
    public static async Task<SimulatedViewer> OpenAsync(
        HttpClient http, Uri page, string cookie, string expectedText, JsInteropAnswers answers, IHubProtocol protocol, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, page);
        request.Headers.Add("Cookie", cookie);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {page} answered {(int)response.StatusCode} {response.Headers.Location}");
        }

        var prerendered = PrerenderedPage.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        if (prerendered.ServerMarkers.Count == 0)
        {
            throw new InvalidOperationException($"{page} has no interactive server components.");
        }

        var viewer = new SimulatedViewer(new Uri(page, "/_blazor"), cookie, answers, expectedText, protocol);
        try
        {
            await viewer.StartCircuitAsync(page, prerendered, cancellationToken);
            return viewer;
        }
        catch
        {
            await viewer.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private async Task StartCircuitAsync(Uri page, PrerenderedPage prerendered, CancellationToken cancellationToken)
    {
        await _connection.StartAsync(cancellationToken);
        var baseUri = new Uri(page, "/").ToString();
        var secret = await _connection.InvokeAsync<string?>("StartCircuit", baseUri, page.ToString(), "[]", prerendered.ServerState, cancellationToken);
        if (string.IsNullOrEmpty(secret))
        {
            throw new InvalidOperationException($"The server refused to start a circuit: {Error}");
        }

        await _rendererAttached.Task.WaitAsync(cancellationToken);
        await _connection.SendAsync("UpdateRootComponents", prerendered.AddOperations(FirstOperationBatch), prerendered.ServerState, cancellationToken);
        await Task.WhenAll(_pageRendered.Task, _rootComponentsAdded.Task).WaitAsync(cancellationToken);
    }

    // SignalR runs a connection's handlers one at a time, in order: batches are acknowledged in the order they came.
    private async Task OnRenderBatchAsync(long batchId, byte[] batch)
    {
        Interlocked.Increment(ref _renderBatches);
        Interlocked.Exchange(ref _lastRenderTimestamp, System.Diagnostics.Stopwatch.GetTimestamp());
        Interlocked.Add(ref _renderBytes, batch.Length);
        if (batch.AsSpan().IndexOf(_expectedText) >= 0)
        {
            _pageRendered.TrySetResult();
        }

        await _connection.SendAsync("OnRenderCompleted", batchId, null);
    }

    private async Task OnBeginInvokeJsAsync(long asyncHandle, string identifier, string? argsJson, int resultType)
    {
        Interlocked.Increment(ref _jsCalls);
        var result = _answers.ResultOf(identifier, resultType, argsJson);

        // A zero handle means the server does not wait for an answer.
        if (asyncHandle != 0)
        {
            await _connection.SendAsync("EndInvokeJSFromDotNet", asyncHandle, true, $"[{asyncHandle},true,{result}]");
        }

        if (identifier == JsInteropAnswers.AttachRenderer)
        {
            _rendererAttached.TrySetResult();
        }
    }
}
