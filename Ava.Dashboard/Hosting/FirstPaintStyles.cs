using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
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
public sealed partial class FirstPaintStyles
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

        _css = Encoding.UTF8.GetBytes(Extract(css, Classes));
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

    /// <summary>
    /// The rules of <paramref name="css"/> that the first paint can need: at-rules such as keyframes and fonts whole,
    /// grouping rules (media, supports) with what is kept inside them, and a style rule when one of its selectors
    /// has only classes of <paramref name="classes"/> (a selector without classes, such as <c>body</c>, has none
    /// outside it).
    /// </summary>
    public static string Extract(string css, IReadOnlySet<string> classes)
    {
        var output = new StringBuilder(css.Length / 4);
        AppendRules(css.AsSpan(), classes, output);
        return output.ToString();
    }

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

    private static void AppendRules(ReadOnlySpan<char> css, IReadOnlySet<string> classes, StringBuilder output)
    {
        var position = 0;
        while (position < css.Length)
        {
            var open = IndexOutsideStrings(css, position, '{');
            if (open < 0)
            {
                return;
            }

            var close = MatchingBrace(css, open);
            var prelude = WithoutComments(css[position..open].ToString()).AsSpan().Trim();
            var body = css[(open + 1)..close];
            if (prelude.StartsWith("@media", StringComparison.Ordinal) || prelude.StartsWith("@supports", StringComparison.Ordinal)
                || prelude.StartsWith("@layer", StringComparison.Ordinal) || prelude.StartsWith("@container", StringComparison.Ordinal))
            {
                var inner = new StringBuilder();
                AppendRules(body, classes, inner);
                if (inner.Length > 0)
                {
                    output.Append(prelude).Append('{').Append(inner).Append('}');
                }
            }
            else if (prelude.StartsWith('@') || AnySelectorKept(prelude, classes))
            {
                output.Append(prelude).Append('{').Append(body).Append('}');
            }

            position = close + 1;
        }
    }

    private static bool AnySelectorKept(ReadOnlySpan<char> selectors, IReadOnlySet<string> classes)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= selectors.Length; i++)
        {
            if (i < selectors.Length)
            {
                var c = selectors[i];
                if (c is '(' or '[')
                {
                    depth++;
                    continue;
                }

                if (c is ')' or ']')
                {
                    depth--;
                    continue;
                }

                if (c != ',' || depth > 0)
                {
                    continue;
                }
            }

            if (OnlyKeptClasses(selectors[start..i].ToString(), classes))
            {
                return true;
            }

            start = i + 1;
        }

        return false;
    }

    private static bool OnlyKeptClasses(string selector, IReadOnlySet<string> classes)
    {
        // A class under :not() need not be on the page for the rule to apply.
        foreach (Match match in ClassName().Matches(WithoutNegations(selector)))
        {
            if (!classes.Contains(match.Groups[1].Value.Replace("\\", "", StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }

    private static string WithoutComments(string prelude) =>
        prelude.Contains("/*", StringComparison.Ordinal) ? Comment().Replace(prelude, "") : prelude;

    private static string WithoutNegations(string selector)
    {
        int start;
        while ((start = selector.IndexOf(":not(", StringComparison.Ordinal)) >= 0)
        {
            var depth = 0;
            var end = start + ":not".Length;
            for (; end < selector.Length; end++)
            {
                if (selector[end] == '(')
                {
                    depth++;
                }
                else if (selector[end] == ')' && --depth == 0)
                {
                    break;
                }
            }

            selector = selector.Remove(start, Math.Min(end + 1, selector.Length) - start);
        }

        return selector;
    }

    private static int IndexOutsideStrings(ReadOnlySpan<char> css, int from, char wanted)
    {
        for (var i = from; i < css.Length; i++)
        {
            var c = css[i];
            if (c == wanted)
            {
                return i;
            }

            if (c is '"' or '\'')
            {
                i = EndOfString(css, i);
            }
            else if (c == '/' && i + 1 < css.Length && css[i + 1] == '*')
            {
                var end = css[(i + 2)..].IndexOf("*/", StringComparison.Ordinal);
                i = end < 0 ? css.Length : i + 2 + end + 1;
            }
        }

        return -1;
    }

    private static int MatchingBrace(ReadOnlySpan<char> css, int open)
    {
        var depth = 0;
        for (var i = open; i < css.Length; i++)
        {
            switch (css[i])
            {
                case '{':
                    depth++;
                    break;
                case '}' when --depth == 0:
                    return i;
                case '"' or '\'':
                    i = EndOfString(css, i);
                    break;
            }
        }

        throw new FormatException($"A rule opened at {open} of MudBlazor's style sheet is not closed.");
    }

    private static int EndOfString(ReadOnlySpan<char> css, int quote)
    {
        for (var i = quote + 1; i < css.Length; i++)
        {
            if (css[i] == '\\')
            {
                i++;
            }
            else if (css[i] == css[quote])
            {
                return i;
            }
        }

        return css.Length;
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

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();

    // A class in a selector; MudBlazor escapes characters such as ':' in its utility classes (hover\:mud-inherit-hover).
    [GeneratedRegex(@"\.((?:-?[_a-zA-Z]|\\.)(?:[\w-]|\\.)*)")]
    private static partial Regex ClassName();
}
