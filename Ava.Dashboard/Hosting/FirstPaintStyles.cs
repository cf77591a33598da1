using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace Ava.Dashboard.Hosting;

/// <summary>
/// The part of MudBlazor's style sheet that the server-rendered pages need for their first paint. MudBlazor ships one
/// sheet of about 630 KB, most of it for components and variants the dashboard does not use, and a full page load
/// does not paint until the browser has applied all of its rules to the page. So the page links this part, the rules
/// whose classes are all among those the dashboard's pages render (<c>first-paint-classes.txt</c>, checked against
/// every page by the browser tests), and MudBlazor's whole sheet is applied right after the first paint, for what
/// opens later (dialogs, menus, pickers). The part is cut from the installed MudBlazor's own sheet when the app starts, so it
/// always matches the MudBlazor in use. Without that sheet (an unusual deployment), the page links the whole sheet as
/// before.
/// </summary>
public sealed class FirstPaintStyles
{
    /// <summary>MudBlazor's style sheet, as its static web asset.</summary>
    public const string MudBlazorSheet = "_content/MudBlazor/MudBlazor.min.css";

    /// <summary>Where the part is served.</summary>
    public const string Path = "/first-paint.css";

    private readonly byte[]? _css;
    private readonly byte[]? _brotli;
    private readonly byte[]? _gzip;
    private readonly string? _etag;

    public FirstPaintStyles(IWebHostEnvironment environment, ILogger<FirstPaintStyles> logger)
    {
        var sheet = environment.WebRootFileProvider.GetFileInfo(MudBlazorSheet);
        if (!sheet.Exists)
        {
            logger.LogWarning("MudBlazor's style sheet {Sheet} is not in the web root; pages link the whole sheet", MudBlazorSheet);
            return;
        }

        string css;
        using (var reader = new StreamReader(sheet.CreateReadStream(), Encoding.UTF8))
        {
            css = reader.ReadToEnd();
        }

        _css = Encoding.UTF8.GetBytes(StyleSheetSubset.Keep(css, Classes));
        var hash = Convert.ToHexStringLower(SHA256.HashData(_css))[..16];
        _etag = $"\"{hash}\"";
        Href = $"first-paint.css?v={hash}";
        _brotli = Compress(_css, stream => new BrotliStream(stream, CompressionLevel.Optimal, leaveOpen: true));
        _gzip = Compress(_css, stream => new GZipStream(stream, CompressionLevel.Optimal, leaveOpen: true));
        logger.LogDebug("First-paint styles: {Bytes} of MudBlazor's {Total} bytes", _css.Length, Encoding.UTF8.GetByteCount(css));
    }

    /// <summary>The classes the dashboard's pages render (MudBlazor's and its utility classes), one per line in the resource.</summary>
    public static IReadOnlySet<string> Classes { get; } = ReadClasses();

    /// <summary>The address of the part, with its content's version; null when it could not be built.</summary>
    public string? Href { get; }


    public Task WriteAsync(HttpContext context)
    {
        if (_css is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        var response = context.Response;
        response.Headers.ETag = _etag;
        response.Headers.Vary = HeaderNames.AcceptEncoding;

        // The address carries the content's version, so a browser keeps it until the next version.
        response.Headers.CacheControl = "public, max-age=31536000, immutable";
        if (context.Request.Headers.IfNoneMatch == _etag)
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.ContentType = "text/css; charset=utf-8";
        var accepted = context.Request.Headers.AcceptEncoding.ToString();
        var (body, encoding) = accepted.Contains("br", StringComparison.OrdinalIgnoreCase) ? (_brotli!, "br")
            : accepted.Contains("gzip", StringComparison.OrdinalIgnoreCase) ? (_gzip!, "gzip")
            : (_css, null);
        if (encoding is not null)
        {
            response.Headers.ContentEncoding = encoding;
        }

        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body).AsTask();
    }

    private static byte[] Compress(byte[] content, Func<Stream, Stream> compressor)
    {
        using var buffer = new MemoryStream();
        using (var stream = compressor(buffer))
        {
            stream.Write(content);
        }

        return buffer.ToArray();
    }

    private static HashSet<string> ReadClasses()
    {
        using var stream = typeof(FirstPaintStyles).Assembly.GetManifestResourceStream("Ava.Dashboard.Hosting.first-paint-classes.txt")
            ?? throw new InvalidOperationException("The first-paint class list is not embedded in the dashboard's assembly.");
        using var reader = new StreamReader(stream);
        var classes = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Trim() is { Length: > 0 } name && !name.StartsWith('#'))
            {
                classes.Add(name);
            }
        }

        return classes;
    }
}
