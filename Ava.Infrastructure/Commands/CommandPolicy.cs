using System.Text.RegularExpressions;

namespace Ava.Infrastructure.Commands;

/// <summary>The outcome of checking a requester's values against a definition: a message per refused value.</summary>
public sealed record ArgumentCheck(IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Errors.Count == 0;

    /// <summary>All the reasons in one sentence, for the audit event.</summary>
    public string Reason => string.Join(" ", Errors.SelectMany(e => e.Value));
}

/// <summary>
/// The allow-list the queue runs from: the checked definitions of configuration (and demo mode's own).
/// A command that is not here is forbidden; a value is only ever passed as one argument, never parsed
/// by a shell, and must match its position's pattern in full.
/// </summary>
public sealed class CommandPolicy(IReadOnlyList<CommandDefinition> definitions)
{
    public const int MaxArgumentLength = 1024;

    public IReadOnlyList<CommandDefinition> Definitions { get; } = definitions;

    public CommandDefinition? Find(string? name) => Definitions.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.Ordinal));

    /// <summary>
    /// Checks each value against its own argument: no control characters (newlines included), no '..' path
    /// segment, at most <see cref="MaxArgumentLength"/> characters, and a full match of the pattern.
    /// Errors are keyed <c>arguments[i]</c>, as the API names them.
    /// </summary>
    public static ArgumentCheck Check(CommandDefinition definition, IReadOnlyList<string?> values)
    {
        var errors = new Dictionary<string, string[]>();
        var open = definition.OpenArguments;
        if (values.Count != open.Count)
        {
            var expected = open.Count == 0 ? "no arguments" : $"{open.Count} argument{(open.Count == 1 ? "" : "s")} ({string.Join(", ", open.Select(a => a.Name))})";
            errors["arguments"] = [$"{definition.Name} takes {expected}; {values.Count} {(values.Count == 1 ? "was" : "were")} given."];
            return new ArgumentCheck(errors);
        }

        for (var i = 0; i < open.Count; i++)
        {
            if (Refusal(open[i], values[i]) is { } reason)
            {
                errors[$"arguments[{i}]"] = [reason];
            }
        }

        return new ArgumentCheck(errors);
    }

    private static string? Refusal(CommandArgument argument, string? value)
    {
        if (value is null)
        {
            return $"{argument.Name} is required.";
        }

        if (value.Length > MaxArgumentLength)
        {
            return $"{argument.Name} is longer than {MaxArgumentLength} characters.";
        }

        if (value.Any(char.IsControl))
        {
            return $"{argument.Name} contains a control character (such as a newline); it is refused.";
        }

        if (value.Split('/', '\\').Contains(".."))
        {
            return $"{argument.Name} climbs out of a folder with '..'; it is refused.";
        }

        try
        {
            return argument.Pattern!.IsMatch(value) ? null : $"{argument.Name} '{Shorten(value)}' does not match its pattern {argument.PatternText}.";
        }
        catch (RegexMatchTimeoutException)
        {
            return $"{argument.Name} took too long to check against its pattern; it is refused.";
        }
    }

    private static string Shorten(string value) => value.Length <= 80 ? value : value[..79] + "…";
}
