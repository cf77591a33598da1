using System.Globalization;
using Ava.Domain.Common;

namespace Ava.Domain.Prompts;

/// <summary>A template version's number, MAJOR.MINOR.PATCH (no pre-release or build parts), ordered numerically.</summary>
public readonly record struct SemanticVersion(int Major, int Minor, int Patch) : IComparable<SemanticVersion>
{
    public const int MaxLength = 32;

    public static bool TryParse(string? text, out SemanticVersion version)
    {
        version = default;
        var parts = text?.Trim().TrimStart('v', 'V').Split('.');
        if (parts is not { Length: 3 })
        {
            return false;
        }

        var numbers = new int[3];
        for (var i = 0; i < 3; i++)
        {
            // No signs, no leading zeros (semver.org §2), at most 9 digits so it fits an int.
            var part = parts[i];
            if (part.Length is 0 or > 9 || !part.All(char.IsAsciiDigit) || (part.Length > 1 && part[0] == '0'))
            {
                return false;
            }

            numbers[i] = int.Parse(part, CultureInfo.InvariantCulture);
        }

        version = new SemanticVersion(numbers[0], numbers[1], numbers[2]);
        return true;
    }

    public static SemanticVersion Parse(string text) =>
        TryParse(text, out var version) ? version : throw new DomainException($"'{text}' is not a semantic version such as 1.2.0.");

    public int CompareTo(SemanticVersion other) =>
        Major != other.Major ? Major.CompareTo(other.Major)
        : Minor != other.Minor ? Minor.CompareTo(other.Minor)
        : Patch.CompareTo(other.Patch);

    public static bool operator >(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) > 0;

    public static bool operator <(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) < 0;

    public static bool operator >=(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) >= 0;

    public static bool operator <=(SemanticVersion left, SemanticVersion right) => left.CompareTo(right) <= 0;

    public override string ToString() => $"{Major}.{Minor}.{Patch}";
}
