namespace Ava.Benchmarks;

/// <summary>
/// Full loads of the streams page and of the empty page of the same layout (the baseline: what the browser spends on
/// style sheets and the layout's first paint, with no list to show) by one harness: the browser's timings of each,
/// and the CPU each process used from the navigation to the load event and from there until the circuit was up.
/// </summary>
internal sealed class FullPageLoads(string harness, Func<string, Task<BrowserTimings>> load, Func<string, Task> settle)
{
    /// <summary>Loads per block in which one harness drives the browser before the other takes its turn.</summary>
    public const int BlockSize = 10;

    /// <summary>The pause between one load's settling and the next load.</summary>
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(500);

    public string Harness { get; } = harness;

    public List<BrowserTimings> Streams { get; } = [];

    public List<BrowserTimings> Empty { get; } = [];

    public ProcessCpu CpuToLoad { get; } = new();

    public ProcessCpu CpuAfterLoad { get; } = new();

    /// <summary>The CPU of the first, uncounted block's loads of the list, navigation to circuit up.</summary>
    public ProcessCpu FirstBlockCpu { get; } = new();

    /// <summary>One block of loads of the page, each settled (content shown, circuit up) before the next.</summary>
    public async Task LoadAsync(string path, bool counted)
    {
        for (var i = 0; i < BlockSize; i++)
        {
            var beforeLoad = ProcessCpu.Snapshot();
            var loaded = await load(path);
            var atLoad = ProcessCpu.Snapshot();
            await settle(path);
            var settled = ProcessCpu.Snapshot();

            // A person reads the page before loading the next: the circuit's start has finished its work on the
            // server and in the browser before the next load begins, whichever harness is faster to move on.
            await Task.Delay(Pause);
            if (!counted)
            {
                if (path == "streams")
                {
                    FirstBlockCpu.Add(beforeLoad, settled);
                }

                continue;
            }

            if (path == "streams")
            {
                Streams.Add(loaded);
                CpuToLoad.Add(beforeLoad, atLoad);
                CpuAfterLoad.Add(atLoad, settled);
            }
            else
            {
                Empty.Add(loaded);
            }
        }
    }
}

/// <summary>Navigation and Paint Timing of the page's load, in milliseconds from the navigation's start.</summary>
internal sealed class BrowserTimings
{
    public double ResponseStart { get; set; }

    public double ResponseEnd { get; set; }

    public double FirstContentfulPaint { get; set; }

    public double DomContentLoaded { get; set; }

    public double DocumentBytes { get; set; }

    /// <summary>The 25th row's paint, from the Element Timing entry the streams table marks it with.</summary>
    public double RowsPainted { get; set; }

    // Paint entries are reported once the paint is on screen; an observer with buffered entries waits for them.
    public const string Script = """
        async () => {
          const entry = (type, name) => new Promise(resolve => {
            const observer = new PerformanceObserver(list => {
              const found = list.getEntries().find(e => (e.identifier ?? e.name) === name);
              if (found) { observer.disconnect(); resolve(found.startTime || found.renderTime || found.loadTime); }
            });
            observer.observe({ type, buffered: true });
            setTimeout(() => { observer.disconnect(); resolve(-1); }, 2000);
          });
          const nav = performance.getEntriesByType('navigation')[0];
          return { responseStart: nav.responseStart, responseEnd: nav.responseEnd,
                   firstContentfulPaint: await entry('paint', 'first-contentful-paint'),
                   rowsPainted: await entry('element', 'streams-last-row'),
                   domContentLoaded: nav.domContentLoadedEventEnd, documentBytes: nav.decodedBodySize };
        }
        """;
}
