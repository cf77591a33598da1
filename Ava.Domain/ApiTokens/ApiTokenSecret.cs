using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Ava.Domain.ApiTokens;

/// <summary>
/// The secret of a personal access token: <c>ava_pat_</c> followed by 40 random base62 characters
/// (about 238 bits). The secret is random enough that a plain SHA-256 is a safe way to store it and
/// to find it again by an indexed lookup; a slow password hash would add nothing but latency.
/// </summary>
public sealed record ApiTokenSecret(string Value, string Prefix, string Hash)
{
    public const string Scheme = "ava_pat_";
    public const int RandomLength = 40;

    /// <summary>How many random characters the listed prefix shows.</summary>
    public const int VisibleRandomCharacters = 6;

    public static readonly int Length = Scheme.Length + RandomLength;

    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static readonly SearchValues<char> AlphabetValues = SearchValues.Create(Alphabet);

    public static ApiTokenSecret Generate()
    {
        var value = Scheme + RandomNumberGenerator.GetString(Alphabet, RandomLength);
        return new ApiTokenSecret(value, PrefixOf(value), HashOf(value));
    }

    /// <summary>Whether <paramref name="candidate"/> has the shape of a token; anything else is refused without a lookup.</summary>
    public static bool IsWellFormed(string candidate) =>
        candidate.Length == Length
        && candidate.StartsWith(Scheme, StringComparison.Ordinal)
        && candidate.AsSpan(Scheme.Length).IndexOfAnyExcept(AlphabetValues) < 0;

    /// <summary>The lower-case hex SHA-256 of the token, the form it is stored and looked up in.</summary>
    public static string HashOf(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    private static string PrefixOf(string value) => value[..(Scheme.Length + VisibleRandomCharacters)];
}
