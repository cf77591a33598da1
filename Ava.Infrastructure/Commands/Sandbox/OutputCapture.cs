using System.Text;

namespace Ava.Infrastructure.Commands.Sandbox;

/// <summary>
/// One output stream of a running command: the first <see cref="LimitBytes"/> bytes are kept, the rest
/// only counted, so a command that prints gigabytes costs a counter and never blocks on a full pipe.
/// Safe to read (for live output) while the stream is being drained.
/// </summary>
public sealed class OutputCapture(int limitBytes)
{
    private const int ReadBufferBytes = 64 * 1024;
    private readonly Lock _lock = new();
    private byte[] _buffer = [];
    private int _keptCount;
    private long _total;
    private int _revision;
    private (int Revision, string Text)? _rendered;

    public int LimitBytes { get; } = limitBytes;

    /// <summary>Every byte the process wrote, kept or not.</summary>
    public long TotalBytes
    {
        get
        {
            lock (_lock)
            {
                return _total;
            }
        }
    }

    /// <summary>Changes each time bytes arrive, so a reader can tell whether there is anything new.</summary>
    public int Revision => Volatile.Read(ref _revision);

    /// <summary>Reads the stream to its end (or until <paramref name="cancellationToken"/>), keeping what fits.</summary>
    public async Task DrainAsync(Stream source, CancellationToken cancellationToken)
    {
        var chunk = new byte[ReadBufferBytes];
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
        {
            Append(chunk.AsSpan(0, read));
        }
    }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        lock (_lock)
        {
            var room = LimitBytes - _keptCount;
            if (room > 0)
            {
                var keep = Math.Min(room, bytes.Length);
                EnsureCapacity(_keptCount + keep);
                bytes[..keep].CopyTo(_buffer.AsSpan(_keptCount));
                _keptCount += keep;
            }

            _total += bytes.Length;
            _revision++;
        }
    }

    /// <summary>
    /// The kept output as text (UTF-8; invalid bytes and NUL shown as U+FFFD), followed by a marker line
    /// saying how much was cut when the process wrote more than the limit.
    /// </summary>
    public string Text()
    {
        lock (_lock)
        {
            return RenderLocked();
        }
    }

    private string RenderLocked()
    {
        if (_rendered is { } rendered && rendered.Revision == _revision)
        {
            return rendered.Text;
        }

        var text = Encoding.UTF8.GetString(_buffer, 0, _keptCount).Replace('\0', '\uFFFD');
        if (_total > _keptCount)
        {
            text += CutMarker(LimitBytes, _total - _keptCount, text.EndsWith('\n'));
        }

        _rendered = (_revision, text);
        return text;
    }

    /// <summary>
    /// The end of the kept output, at most <paramref name="maxBytes"/> of it, for live viewers while the command
    /// runs: storing it costs the same however large the cap. A first line says what is left out until the end.
    /// </summary>
    public string Tail(int maxBytes)
    {
        lock (_lock)
        {
            if (_keptCount <= maxBytes)
            {
                return RenderLocked();
            }

            var start = _keptCount - maxBytes;
            while (start < _keptCount && (_buffer[start] & 0xC0) == 0x80)
            {
                // Never start inside a multi-byte character.
                start++;
            }

            return $"[the first {start:N0} bytes are shown when the run ends]\n" + Encoding.UTF8.GetString(_buffer, start, _keptCount - start).Replace('\0', '\uFFFD');
        }
    }

    /// <summary>The line that ends output cut at the limit: visible in the page, the API and the database alike.</summary>
    public static string CutMarker(int limitBytes, long cutBytes, bool atLineStart) =>
        $"{(atLineStart ? "" : "\n")}[output cut at {Size(limitBytes)}: {cutBytes:N0} more bytes were not kept]\n";

    private void EnsureCapacity(int needed)
    {
        // The buffer grows only as far as the output really goes: most commands print little.
        if (needed <= _buffer.Length)
        {
            return;
        }

        var grown = new byte[Math.Min(LimitBytes, Math.Max(needed, Math.Max(4096, _buffer.Length * 2)))];
        _buffer.AsSpan(0, _keptCount).CopyTo(grown);
        _buffer = grown;
    }

    private static string Size(int bytes) =>
        bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MiB" : bytes % 1024 == 0 ? $"{bytes / 1024} KiB" : $"{bytes} bytes";
}
