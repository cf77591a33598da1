using System.Text.RegularExpressions;

namespace Ava.Infrastructure.Commands;

/// <summary>
/// Which programs may not be allow-listed as they are: shells and interpreters run whatever text they are
/// given (<c>sh -c</c>, <c>python -c</c>, <c>perl -e</c>), and launchers run the program named in their
/// arguments (<c>env</c>, <c>xargs</c>, <c>sudo</c>). A name is judged by the configured path and by the file
/// it finally links to (<c>/bin/sh</c> is <c>dash</c> on Debian).
/// </summary>
internal static partial class ExecutableRules
{
    private static readonly HashSet<string> Shells = new(StringComparer.Ordinal)
    {
        "sh", "bash", "dash", "zsh", "ksh", "ksh93", "mksh", "ash", "fish", "csh", "tcsh", "yash", "busybox", "rbash",
    };

    private static readonly HashSet<string> Launchers = new(StringComparer.Ordinal)
    {
        "env", "xargs", "sudo", "su", "doas", "runuser", "pkexec", "nohup", "nice", "ionice", "timeout", "setsid", "setpriv",
        "unshare", "nsenter", "chroot", "prlimit", "stdbuf", "taskset", "chrt", "flock", "watch", "script", "strace", "ltrace",
        "gdb", "parallel", "time", "systemd-run", "ssh",
    };

    /// <summary>Whether the program runs text or a script it is given, rather than doing one job.</summary>
    public static bool IsShellOrInterpreter(string path) => Names(path).Any(n => Shells.Contains(n) || Interpreter().IsMatch(n));

    /// <summary>Whether the program's job is to start another program named in its arguments.</summary>
    public static bool IsLauncher(string path) => Names(path).Any(Launchers.Contains);

    private static IEnumerable<string> Names(string path)
    {
        yield return Path.GetFileName(path);
        FileSystemInfo? target = null;
        try
        {
            target = File.ResolveLinkTarget(path, returnFinalTarget: true);
        }
        catch (IOException)
        {
            // Not a link, or a broken one: the configured name is all there is.
        }

        if (target is not null)
        {
            yield return target.Name;
        }
    }

    // python3.11, perl5.36, node, php8.2, ruby3.1, lua5.4, pwsh, Rscript, awk and sed (which run their program text) ...
    [GeneratedRegex(@"^(python|pypy|perl|ruby|irb|node|nodejs|deno|bun|php|lua|luajit|tclsh|wish|expect|pwsh|powershell|osascript|rscript|r|julia|java|jshell|dotnet|awk|gawk|mawk|nawk|sed|m4|guile|racket|ocaml|erl|escript|elixir|groovy|scala|kotlin|swift)[0-9._-]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Interpreter();
}
