using System.Text.RegularExpressions;
using Ava.Domain.Common;

namespace Ava.Domain.Recommendations;

/// <summary>
/// A kind of entity a recommendation may change, by its API name ("stream", "codestone"). The set is
/// open: the change-target catalogue says which kinds exist and how people call them; this value
/// only names one, in lower case, and is stored as that name.
/// </summary>
public readonly partial record struct ChangeTargetType
{
    public const int MaxLength = 40;

    private readonly string? _name;

    public ChangeTargetType(string name)
    {
        if (!TryNormalize(name, out var normalized))
        {
            throw new DomainException($"'{name}' is not a change-target type name: use lower-case letters, digits and underscores, starting with a letter, at most {MaxLength} characters.");
        }

        _name = normalized;
    }

    public static ChangeTargetType Stream { get; } = new("stream");

    public static ChangeTargetType Codestone { get; } = new("codestone");

    /// <summary>The API name, lower case.</summary>
    public string Name => _name ?? "";

    /// <summary>Reads a name in any case ("Stream", " stream "); false for anything that cannot be a type name.</summary>
    public static bool TryParse(string? text, out ChangeTargetType type)
    {
        type = default;
        if (!TryNormalize(text, out var normalized))
        {
            return false;
        }

        type = new ChangeTargetType(normalized);
        return true;
    }

    public override string ToString() => Name;

    private static bool TryNormalize(string? text, out string normalized)
    {
        normalized = text?.Trim().ToLowerInvariant() ?? "";
        return normalized.Length <= MaxLength && NamePattern().IsMatch(normalized);
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex NamePattern();
}

/// <summary>How people call one kind of change target: "stream" and "streams", lower case.</summary>
public sealed record ChangeTargetNoun(string Singular, string Plural)
{
    /// <summary>The singular at the start of a sentence or a heading: "Stream".</summary>
    public string SentenceCase => Singular.Length == 0 ? Singular : char.ToUpperInvariant(Singular[0]) + Singular[1..];
}

/// <summary>The nouns of the change-target types, for the texts a recommendation writes about its targets.</summary>
public interface IChangeTargetNouns
{
    ChangeTargetNoun NounOf(ChangeTargetType type);
}
