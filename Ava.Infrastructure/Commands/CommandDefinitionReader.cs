using System.Text.RegularExpressions;
using Ava.Domain.Commands;

namespace Ava.Infrastructure.Commands;

/// <summary>
/// Turns the configured definitions into checked <see cref="CommandDefinition"/>s. Every problem is
/// reported with the setting's key and the definition's name, so a bad policy stops the start with a
/// message that says which command to fix. Nothing here runs a program.
/// </summary>
internal static partial class CommandDefinitionReader
{
    public const int MaxTimeoutSeconds = 24 * 60 * 60;
    public const int MaxOutputLimitKb = 16 * 1024;
    public const int DefaultTimeoutSeconds = 60;
    public const int DefaultOutputLimitKb = 256;
    public const int MaxArguments = 32;
    public static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(200);

    public static IReadOnlyList<CommandDefinition> Read(IReadOnlyList<CommandDefinitionOptions> configured, string keyPrefix, List<string> errors)
    {
        var definitions = new List<CommandDefinition>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < configured.Count; i++)
        {
            var options = configured[i];
            var label = $"{keyPrefix}:{i} ('{options.Name ?? "unnamed"}')";
            var before = errors.Count;
            var definition = Read(options, label, errors);
            if (definition is not null && !names.Add(definition.Name))
            {
                errors.Add($"{label}: the name '{definition.Name}' is used by an earlier definition; names must be unique.");
            }

            if (definition is not null && errors.Count == before)
            {
                definitions.Add(definition);
            }
        }

        return definitions;
    }

    private static CommandDefinition? Read(CommandDefinitionOptions o, string label, List<string> errors)
    {
        void Error(string message) => errors.Add($"{label}: {message}");

        var name = o.Name?.Trim() ?? "";
        if (!CommandName().IsMatch(name))
        {
            Error("Name is required: 1 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }

        if (o.Description?.Length > 300)
        {
            Error("Description must be at most 300 characters.");
        }

        var arguments = ReadArguments(o.Arguments, Error);
        CheckExecutable(o.Executable, arguments, Error);

        var workingDirectory = string.IsNullOrWhiteSpace(o.WorkingDirectory) ? "/" : o.WorkingDirectory.Trim();
        if (!Path.IsPathFullyQualified(workingDirectory))
        {
            Error($"WorkingDirectory '{workingDirectory}' must be an absolute path.");
        }
        else if (!Directory.Exists(workingDirectory))
        {
            Error($"WorkingDirectory '{workingDirectory}' does not exist.");
        }

        var timeout = Range(o.TimeoutSeconds, DefaultTimeoutSeconds, 1, MaxTimeoutSeconds, "TimeoutSeconds", Error);
        var outputKb = Range(o.OutputLimitKb, DefaultOutputLimitKb, 1, MaxOutputLimitKb, "OutputLimitKb", Error);
        var limits = new ResourceLimits(
            Range(o.Limits.CpuSeconds, timeout, 0, MaxTimeoutSeconds, "Limits:CpuSeconds", Error),
            Range(o.Limits.MemoryMb, ResourceLimits.DefaultMemoryMb, 0, 1024 * 1024, "Limits:MemoryMb", Error),
            Range(o.Limits.Processes, ResourceLimits.DefaultProcesses, 0, 100_000, "Limits:Processes", Error));
        if (limits.MemoryMb is > 0 and < 16)
        {
            Error("Limits:MemoryMb must be 0 (not limited) or at least 16.");
        }

        foreach (var variable in o.Environment.Where(v => !VariableName().IsMatch(v ?? "")))
        {
            Error($"Environment '{variable}' is not an environment variable name.");
        }

        var decision = (o.Decision?.Trim().ToLowerInvariant()) switch
        {
            null or "" or "allow" => CommandDecision.Allow,
            "approval" => CommandDecision.Approval,
            _ => (CommandDecision?)null,
        };
        if (decision is null)
        {
            Error($"Decision '{o.Decision}' must be 'allow' or 'approval'.");
        }

        return CommandName().IsMatch(name) && arguments is not null && decision is not null
            ? new CommandDefinition(name, o.Description?.Trim() ?? "", o.Executable?.Trim() ?? "", arguments, workingDirectory,
                TimeSpan.FromSeconds(timeout), outputKb * 1024, o.Environment.Distinct(StringComparer.Ordinal).ToList(), decision.Value, limits)
            : null;
    }

    private static void CheckExecutable(string? configured, IReadOnlyList<CommandArgument>? arguments, Action<string> error)
    {
        var executable = configured?.Trim() ?? "";
        if (executable.Length == 0)
        {
            error("Executable is required: the absolute path of the program.");
            return;
        }

        if (!Path.IsPathFullyQualified(executable))
        {
            error($"Executable '{executable}' is a relative path; give the absolute path (no search path is used).");
            return;
        }

        if (!File.Exists(executable))
        {
            error($"Executable '{executable}' does not exist.");
            return;
        }

        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(executable) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) == 0)
        {
            error($"Executable '{executable}' is not executable.");
            return;
        }

        if (ExecutableRules.IsLauncher(executable))
        {
            error($"Executable '{executable}' starts the program named in its arguments; allow-list that program itself instead.");
            return;
        }

        if (ExecutableRules.IsShellOrInterpreter(executable) && arguments is not null)
        {
            // A script file is a fixed program; a command string (-c, -e, or text as the first argument) is not.
            // Options after the script are the script's own, so only the first argument matters.
            var first = arguments.FirstOrDefault();
            if (first is { IsFixed: true } && first.FixedValue!.StartsWith('-'))
            {
                error($"Executable '{executable}' is a shell or interpreter and '{first.FixedValue}' would give it a command string; its first argument must be a script file.");
            }
            else if (first is null || !first.IsFixed || !Path.IsPathFullyQualified(first.FixedValue!) || !File.Exists(first.FixedValue))
            {
                error($"Executable '{executable}' is a shell or interpreter: its first argument must be fixed to the absolute path of an existing script file, never a command string or a value the requester gives.");
            }
        }
    }

    private static List<CommandArgument>? ReadArguments(IReadOnlyList<CommandArgumentOptions> configured, Action<string> error)
    {
        if (configured.Count > MaxArguments)
        {
            error($"Arguments: at most {MaxArguments} arguments.");
            return null;
        }

        var arguments = new List<CommandArgument>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var valid = true;
        for (var i = 0; i < configured.Count; i++)
        {
            var a = configured[i];
            var key = $"Arguments:{i}";
            if (a.Value is not null)
            {
                if (a.Pattern is not null || a.Name is not null)
                {
                    error($"{key} has a fixed Value and also a Name or Pattern; give one or the other.");
                    valid = false;
                }
                else if (a.Value.Any(char.IsControl))
                {
                    error($"{key} Value contains a control character.");
                    valid = false;
                }

                arguments.Add(new CommandArgument(i, a.Value, null, null, a.Description, null));
                continue;
            }

            if (a.Name is null || !ArgumentName().IsMatch(a.Name) || !names.Add(a.Name))
            {
                error($"{key} needs a fixed Value, or a unique Name (letters, digits, '_' or '-') and a Pattern.");
                valid = false;
                continue;
            }

            Regex pattern;
            try
            {
                pattern = new Regex($@"\A(?:{a.Pattern})\z", RegexOptions.CultureInvariant, PatternTimeout);
            }
            catch (ArgumentException ex) when (a.Pattern is not null)
            {
                error($"{key} ({a.Name}) Pattern '{a.Pattern}' is not a valid regular expression: {ex.Message}");
                valid = false;
                continue;
            }
            catch (ArgumentNullException)
            {
                error($"{key} ({a.Name}) needs a Pattern the requester's value must match.");
                valid = false;
                continue;
            }

            if (a.Default is not null && !pattern.IsMatch(a.Default))
            {
                error($"{key} ({a.Name}) Default '{a.Default}' does not match its own Pattern.");
                valid = false;
            }

            arguments.Add(new CommandArgument(i, null, a.Name, pattern, a.Description, a.Default) { PatternText = a.Pattern });
        }

        return valid ? arguments : null;
    }

    private static int Range(int? value, int fallback, int min, int max, string key, Action<string> error)
    {
        if (value is { } v && (v < min || v > max))
        {
            error($"{key} {v} must be from {min} to {max}.");
            return fallback;
        }

        return value ?? fallback;
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex CommandName();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_-]{0,39}$")]
    private static partial Regex ArgumentName();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex VariableName();
}
