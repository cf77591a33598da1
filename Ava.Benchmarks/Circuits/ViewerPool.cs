using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace Ava.Benchmarks.Circuits;

/// <summary>
/// Many <see cref="SimulatedViewer"/>s on one page, all with the same session cookie (one signed-in account),
/// each with a circuit of its own. Grows in steps, a bounded number of pages opening at a time.
/// </summary>
internal sealed class ViewerPool(Uri page, string cookie, string expectedText) : IAsyncDisposable
{
    private const int OpeningAtOnce = 16;
    private static readonly TimeSpan OpenTimeout = TimeSpan.FromMinutes(2);

    private readonly List<SimulatedViewer> _viewers = [];
    private readonly Lock _lock = new();
    private readonly IHubProtocol _protocol = new BlazorPackProtocol();
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { Timeout = OpenTimeout };

    public JsInteropAnswers Answers { get; } = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _viewers.Count;
            }
        }
    }

    /// <summary>Viewers whose connection is open and whose circuit reported no error.</summary>
    public int Holding => Snapshot().Count(v => v.IsHolding);

    public long RenderBatches => Snapshot().Sum(v => (long)v.RenderBatches);

    public long JsCalls => Snapshot().Sum(v => (long)v.JsCalls);

    /// <summary>For each viewer whose last render batch came after <paramref name="since"/> (a Stopwatch timestamp), the time from then to it.</summary>
    public IReadOnlyList<TimeSpan> LastRendersSince(long since) =>
        [.. Snapshot().Select(v => v.LastRenderTimestamp).Where(t => t > since).Select(t => Stopwatch.GetElapsedTime(since, t))];

    /// <summary>The distinct reasons viewers lost their circuits, with how many did.</summary>
    public IReadOnlyList<string> Losses => [.. Snapshot().Where(v => v.Error is not null).GroupBy(v => v.Error).Select(g => $"{g.Count()} × {g.Key}")];

    /// <summary>Opens one viewer outside the pool, for a look at what a single circuit receives.</summary>
    public Task<SimulatedViewer> OpenOneAsync() => OpenAsync();

    /// <summary>Opens viewers until the pool holds <paramref name="total"/>.</summary>
    public async Task<GrowthResult> GrowToAsync(int total)
    {
        var wanted = total - Count;
        var watch = Stopwatch.StartNew();
        var times = new List<double>();
        var failures = new List<string>();
        using var gate = new SemaphoreSlim(OpeningAtOnce);
        var opening = Enumerable.Range(0, Math.Max(0, wanted)).Select(async _ =>
        {
            await gate.WaitAsync();
            try
            {
                var started = Stopwatch.GetTimestamp();
                var viewer = await OpenAsync();
                lock (_lock)
                {
                    _viewers.Add(viewer);
                    times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
            catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or TimeoutException or OperationCanceledException or IOException)
            {
                lock (_lock)
                {
                    failures.Add(ex.Message);
                }
            }
            finally
            {
                gate.Release();
            }
        });
        await Task.WhenAll(opening);
        times.Sort();
        return new GrowthResult(times.Count, failures, watch.Elapsed, [.. times]);
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(Snapshot().Select(v => v.DisposeAsync().AsTask()));
        _http.Dispose();
    }

    private async Task<SimulatedViewer> OpenAsync()
    {
        using var timeout = new CancellationTokenSource(OpenTimeout);
        try
        {
            return await SimulatedViewer.OpenAsync(_http, page, cookie, expectedText, Answers, _protocol, timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"The page did not open within {OpenTimeout.TotalSeconds:0} s.");
        }
    }

    private List<SimulatedViewer> Snapshot()
    {
        lock (_lock)
        {
            return [.. _viewers];
        }
    }
}

/// <summary>What one growth step did: how many opened, why the rest failed, how long it took, each open's time in ms (sorted).</summary>
internal sealed record GrowthResult(int Opened, IReadOnlyList<string> Failures, TimeSpan Elapsed, double[] OpenTimes);
