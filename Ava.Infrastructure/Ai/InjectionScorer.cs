using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Ava.Infrastructure.Ai;

/// <summary>How suspicious a text looks: 0 (plain data) to 1 (clearly trying to instruct the model), with the reasons.</summary>
public sealed record InjectionAssessment(double Score, bool Flagged, IReadOnlyList<string> Reasons)
{
    public static InjectionAssessment Clean { get; } = new(0, false, []);
}

/// <summary>
/// Scores untrusted content for prompt injection instead of refusing it on a word. Each kind of
/// evidence (instructions addressed to the model, forged role or boundary markers, hidden or
/// encoded text, requests to approve, escalate or grant permissions, links to unknown hosts) has a
/// weight; the score combines them as independent evidence (1 − Π(1 − wᵢ)), so one weak sign stays
/// low and two medium ones cross the flag threshold. A flagged item is still processed: the flag
/// travels to the approver and the audit log, and nothing is applied without a person's approval.
/// </summary>
public sealed partial class InjectionScorer
{
    private const int MaxScannedChars = 200_000;
    private readonly double _threshold;
    private readonly string[] _knownHosts;

    public InjectionScorer(IOptions<AiOptions> options)
        : this(options.Value.Screening)
    {
    }

    public InjectionScorer(ScreeningOptions options)
    {
        _threshold = options.FlagThreshold;
        _knownHosts = [.. options.KnownHosts.Select(h => h.Trim().ToLowerInvariant()).Where(h => h.Length > 0)];
    }

    public double Threshold => _threshold;

    public InjectionAssessment Score(string text) => Score(text, depth: 0);

    private InjectionAssessment Score(string text, int depth)
    {
        if (string.IsNullOrEmpty(text))
        {
            return InjectionAssessment.Clean;
        }

        var evidence = new Dictionary<string, (double Weight, string Reason)>();
        void Add(string key, double weight, string reason)
        {
            if (!evidence.TryGetValue(key, out var current) || current.Weight < weight)
            {
                evidence[key] = (weight, reason);
            }
        }

        HiddenCharacters(text, Add);
        var visible = UntrustedContent.Sanitize(text.Length > MaxScannedChars ? text[..MaxScannedChars] : text);
        foreach (var signal in InjectionPatterns.All)
        {
            if (signal.Pattern.IsMatch(visible))
            {
                Add(signal.Category + ":" + signal.Reason, signal.Weight, signal.Reason);
            }
        }

        Homoglyphs(visible, Add);
        Links(visible, Add);
        if (depth == 0)
        {
            EncodedText(visible, Add);
        }

        if (evidence.Count == 0)
        {
            return InjectionAssessment.Clean;
        }

        var remaining = evidence.Values.Aggregate(1.0, (product, e) => product * (1 - e.Weight));
        var score = Math.Round(1 - remaining, 3);
        var reasons = evidence.Values.OrderByDescending(e => e.Weight).Select(e => e.Reason).ToList();
        return new InjectionAssessment(score, score >= _threshold, reasons);
    }

    private static void HiddenCharacters(string text, Action<string, double, string> add)
    {
        var invisible = 0;
        var tags = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.ConvertToUtf32(c, text[i + 1]) is >= 0xE0000 and <= 0xE007F)
            {
                tags++;
                i++;
            }
            else if (UntrustedContent.IsInvisible(c) && c is not '\r')
            {
                invisible++;
            }
        }

        if (tags > 0)
        {
            add("hidden:tags", 0.7, "hides text in invisible Unicode tag characters");
        }

        if (invisible > 0)
        {
            add("hidden:invisible", invisible >= 5 ? 0.5 : 0.3, $"contains {invisible} invisible character{(invisible == 1 ? "" : "s")} (zero-width or direction overrides)");
        }
    }

    /// <summary>Words that mix Latin letters with Cyrillic or Greek look-alikes ("аpprove" with a Cyrillic а) slip past word lists.</summary>
    private static void Homoglyphs(string text, Action<string, double, string> add)
    {
        foreach (Match word in Word().Matches(text))
        {
            var latin = false;
            var lookalike = false;
            foreach (var c in word.ValueSpan)
            {
                latin |= char.IsAsciiLetter(c);
                lookalike |= c is >= '\u0400' and <= '\u04FF' || c is '\u03BF' or '\u03B1' or '\u0391' or '\u0392' or '\u0395' or '\u0397' or '\u0399' or '\u039A' or '\u039C' or '\u039D' or '\u039F' or '\u03A1' or '\u03A4' or '\u03A7';
            }

            if (latin && lookalike)
            {
                add("hidden:homoglyph", 0.45, "mixes Latin letters with look-alike Cyrillic or Greek ones");
                return;
            }
        }
    }

    private void Links(string text, Action<string, double, string> add)
    {
        var unknown = 0;
        foreach (Match link in Url().Matches(text))
        {
            var host = link.Groups["host"].Value.ToLowerInvariant();
            if (!IsKnown(host))
            {
                unknown++;
                var image = link.Index >= 2 && text[link.Index - 1] == '(' && text.LastIndexOf("![", link.Index - 1, Math.Min(link.Index, 200), StringComparison.Ordinal) >= 0;
                if (image)
                {
                    add("link:image", 0.45, $"embeds an image from an unknown host ({host}), a way to leak data");
                }

                if (link.Value.Contains('{', StringComparison.Ordinal) || link.Value.Contains("%7B", StringComparison.OrdinalIgnoreCase) || link.Value.Contains("${", StringComparison.Ordinal))
                {
                    add("link:template", 0.4, $"links to {host} with a placeholder to fill in");
                }
            }
        }

        if (unknown > 0)
        {
            add("link:unknown", unknown >= 3 ? 0.3 : 0.15, $"links to {unknown} unknown host{(unknown == 1 ? "" : "s")}");
        }
    }

    private bool IsKnown(string host) =>
        _knownHosts.Any(known => known.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(known[1..], StringComparison.Ordinal) || host == known[2..]
            : host == known || host == "www." + known);

    /// <summary>Base64 runs that decode to readable words are scored again as text; binary (keys, hashes, images) is left alone.</summary>
    private void EncodedText(string text, Action<string, double, string> add)
    {
        foreach (Match run in Base64().Matches(text))
        {
            var decoded = TryDecode(run.Value);
            if (decoded is null)
            {
                continue;
            }

            add("encoded:words", 0.4, "contains base64 that decodes to readable text");
            var inner = Score(decoded, depth: 1);
            if (inner.Score >= 0.3)
            {
                add("encoded:instructions", Math.Max(0.75, inner.Score), $"hides instructions in base64 ({inner.Reasons[0]})");
                return;
            }
        }
    }

    private static string? TryDecode(string run)
    {
        var padded = run.Length % 4 == 0 ? run : run + new string('=', 4 - run.Length % 4);
        Span<byte> bytes = new byte[padded.Length];
        if (!Convert.TryFromBase64String(padded, bytes, out var written) || written < 20)
        {
            return null;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes[..written]);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        var letters = text.Count(c => char.IsLetter(c) || c == ' ');
        var printable = text.Count(c => !char.IsControl(c) || c is '\n' or '\t');
        return printable >= text.Length * 0.95 && letters >= text.Length * 0.7 && text.Contains(' ', StringComparison.Ordinal) ? text : null;
    }

    [GeneratedRegex(@"\w+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    [GeneratedRegex(@"https?://(?<host>[a-z0-9.-]+)[^\s)>""'\]]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Url();

    [GeneratedRegex(@"[A-Za-z0-9+/]{28,}={0,2}", RegexOptions.CultureInvariant)]
    private static partial Regex Base64();
}
