using System.Text.Json;
using System.Text.RegularExpressions;

namespace Ava.Infrastructure.Ai;

/// <summary>
/// The offline generator's code review: static heuristics over the code item of the prompt (size,
/// dangerous calls, hard-coded secrets, SQL built by concatenation, swallowed errors, TODOs, nested
/// loops), scored 0–10 per criterion and answered in the code_review template's JSON shape.
/// </summary>
internal static partial class OfflineCodeReviewer
{
    private sealed record Finding(string Criterion, int Penalty, string Message, bool Security = false);

    private static readonly (Regex Pattern, string Message)[] DangerousCalls =
    [
        (new Regex(@"(?<![\w.])eval\s*\(", RegexOptions.None, TimeSpan.FromSeconds(1)), "eval() runs arbitrary code"),
        (new Regex(@"(?<![\w.])exec\s*\(", RegexOptions.None, TimeSpan.FromSeconds(1)), "exec() runs arbitrary code"),
        (new Regex(@"\bos\.system\s*\(", RegexOptions.None, TimeSpan.FromSeconds(1)), "os.system() runs a shell command"),
        (new Regex(@"\bsubprocess\.\w+\([^)]*shell\s*=\s*True", RegexOptions.None, TimeSpan.FromSeconds(1)), "subprocess with shell=True runs a shell command"),
        (new Regex(@"\bProcess\.Start\s*\(", RegexOptions.None, TimeSpan.FromSeconds(1)), "Process.Start() starts an external process"),
        (new Regex(@"\bRuntime\.getRuntime\(\)\.exec\s*\(", RegexOptions.None, TimeSpan.FromSeconds(1)), "Runtime.exec() starts an external process"),
        (new Regex(@"\bchild_process\b|\bexecSync\s*\(", RegexOptions.None, TimeSpan.FromSeconds(1)), "child_process runs shell commands"),
        (new Regex(@"\bnew Function\s*\(", RegexOptions.None, TimeSpan.FromSeconds(1)), "new Function() compiles code from strings"),
        (new Regex(@"\bpickle\.loads?\s*\(", RegexOptions.None, TimeSpan.FromSeconds(1)), "pickle.load() deserializes untrusted data into code"),
        (new Regex(@"\byaml\.load\s*\((?![^)]*SafeLoader)", RegexOptions.None, TimeSpan.FromSeconds(1)), "yaml.load() without SafeLoader can build arbitrary objects"),
        (new Regex(@"\.innerHTML\s*=|dangerouslySetInnerHTML", RegexOptions.None, TimeSpan.FromSeconds(1)), "HTML is written without escaping (cross-site scripting)"),
        (new Regex(@"\bunsafe\s*\{", RegexOptions.None, TimeSpan.FromSeconds(1)), "an unsafe block bypasses memory safety"),
    ];

    public static string Review(IReadOnlyList<OfflineItem> items, string? language)
    {
        var code = items.OrderByDescending(i => i.Text.Length).ThenBy(i => i.Source, StringComparer.Ordinal).FirstOrDefault()?.Text ?? "";
        var lines = code.Split('\n');
        var findings = new List<Finding>();
        var strengths = new List<string>();

        foreach (var (pattern, message) in DangerousCalls)
        {
            if (pattern.IsMatch(code))
            {
                findings.Add(new Finding("security", 3, message, Security: true));
            }
        }

        if (Secret().IsMatch(code))
        {
            findings.Add(new Finding("security", 4, "a credential is written into the code; load it from configuration or a secret store", Security: true));
        }

        if (ConcatenatedSql().IsMatch(code))
        {
            findings.Add(new Finding("security", 3, "SQL is built by concatenating or interpolating values; use parameters", Security: true));
        }

        if (SwallowedError().IsMatch(code))
        {
            findings.Add(new Finding("functionality", 2, "an error is caught and ignored, so failures go unnoticed"));
        }

        var todos = Todo().Matches(code).Count;
        if (todos > 0)
        {
            findings.Add(new Finding("code_quality", Math.Min(todos, 3), $"{todos} TODO/FIXME marker{(todos == 1 ? "" : "s")} left in the code"));
            findings.Add(new Finding("functionality", 1, "unfinished work is marked in the code"));
        }

        if (lines.Length > 300)
        {
            findings.Add(new Finding("code_quality", 2, $"{lines.Length} lines in one piece; split it into smaller units"));
        }

        var longLines = lines.Count(l => l.Length > 120);
        if (longLines > 0)
        {
            findings.Add(new Finding("code_quality", 1, $"{longLines} line{(longLines == 1 ? "" : "s")} longer than 120 characters"));
        }

        if (NestedLoop().IsMatch(code))
        {
            findings.Add(new Finding("performance", 2, "a loop nested in a loop grows quadratically with the input"));
        }

        if (SelectStar().IsMatch(code))
        {
            findings.Add(new Finding("performance", 1, "SELECT * reads every column"));
        }

        if (Sleep().IsMatch(code))
        {
            findings.Add(new Finding("performance", 1, "a fixed sleep waits instead of reacting to an event"));
        }

        if (ErrorHandling().IsMatch(code))
        {
            strengths.Add("errors are handled explicitly");
        }

        if (Comment().Matches(code).Count >= Math.Max(1, lines.Length / 25))
        {
            strengths.Add("the code is documented with comments");
        }

        if (lines.Length <= 60)
        {
            strengths.Add($"short and focused ({lines.Length} lines)");
        }

        if (!findings.Any(f => f.Security))
        {
            strengths.Add("no dangerous calls, hard-coded secrets or concatenated SQL were found");
        }

        int Score(string criterion, int start) => Math.Clamp(start - findings.Where(f => f.Criterion == criterion).Sum(f => f.Penalty), 0, 10);
        var functionality = Score("functionality", 8);
        var quality = Score("code_quality", 8);
        var security = Score("security", 9);
        var performance = Score("performance", 8);
        var securityIssues = findings.Where(f => f.Security).Select(f => f.Message).ToList();
        var ecl = Math.Round(Math.Clamp((functionality + quality + security + performance) / 40.0 - 0.1 * securityIssues.Count, 0, 1), 2);
        var status = securityIssues.Count > 0 ? "📝 Draft" : ecl >= 0.8 ? "✅ Approved" : "👀 Review";
        var assessment = $"{OfflineChatClient.Notice} {lines.Length} line{(lines.Length == 1 ? "" : "s")} of {language ?? "code"}: " +
            (findings.Count == 0 ? "no problems found by the heuristics." : $"{findings.Count} finding{(findings.Count == 1 ? "" : "s")}, {securityIssues.Count} of them about security.");

        var review = new Dictionary<string, object>
        {
            ["functionality_score"] = functionality,
            ["code_quality_score"] = quality,
            ["security_score"] = security,
            ["performance_score"] = performance,
            ["ecl_score"] = ecl,
            ["overall_assessment"] = assessment,
            ["strengths"] = strengths,
            ["weaknesses"] = findings.Where(f => !f.Security).Select(f => f.Message).Distinct().ToList(),
            ["security_issues"] = securityIssues,
            ["recommended_changes"] = findings.Select(f => Change(f.Message)).Distinct().ToList(),
            ["recommended_status"] = status,
            ["generated_by"] = "offline generator (static heuristics)",
        };
        return JsonSerializer.Serialize(review, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static string Change(string finding) => "Fix: " + finding;

    [GeneratedRegex(@"(?i)(password|passwd|pwd|secret|api[_-]?key|access[_-]?key|auth[_-]?token|token)\s*[:=]\s*[""'][^""'\s]{6,}[""']|AKIA[0-9A-Z]{16}|-----BEGIN (RSA |EC |OPENSSH )?PRIVATE KEY-----|ghp_[A-Za-z0-9]{36}|sk-[A-Za-z0-9]{32,}", RegexOptions.None, 1000)]
    private static partial Regex Secret();

    [GeneratedRegex(@"(?i)[""'`]\s*(SELECT|INSERT|UPDATE|DELETE)\b[^;\n]*[""'`]\s*(\+|\.\s*format\s*\(|%\s*[\w(])|(f|\$)[""'](SELECT|INSERT|UPDATE|DELETE)\b[^""'\n]*\{|`(SELECT|INSERT|UPDATE|DELETE)\b[^`\n]*\$\{", RegexOptions.None, 1000)]
    private static partial Regex ConcatenatedSql();

    [GeneratedRegex(@"except\s*(\w+\s*)?:\s*\n?\s*pass\b|catch\s*(\([^)]*\))?\s*\{\s*\}|\.catch\(\s*\(\s*\)\s*=>\s*\{\s*\}\s*\)|_ = err\b", RegexOptions.None, 1000)]
    private static partial Regex SwallowedError();

    [GeneratedRegex(@"\b(TODO|FIXME|HACK|XXX)\b", RegexOptions.None, 1000)]
    private static partial Regex Todo();

    [GeneratedRegex(@"(?m)^([ \t]*)(for|while|foreach)\b[^\n]*\n(\1[ \t]+[^\n]*\n){0,4}?\1[ \t]+(for|while|foreach)\b", RegexOptions.None, 1000)]
    private static partial Regex NestedLoop();

    [GeneratedRegex(@"(?i)\bSELECT\s+\*", RegexOptions.None, 1000)]
    private static partial Regex SelectStar();

    [GeneratedRegex(@"\b(time\.sleep|Thread\.Sleep|sleep)\s*\(", RegexOptions.None, 1000)]
    private static partial Regex Sleep();

    [GeneratedRegex(@"\b(try|catch|except|Result<|\?;|if err != nil|raise|throw)\b", RegexOptions.None, 1000)]
    private static partial Regex ErrorHandling();

    [GeneratedRegex(@"(?m)^\s*(#|//|/\*|\*|"""""")", RegexOptions.None, 1000)]
    private static partial Regex Comment();
}
