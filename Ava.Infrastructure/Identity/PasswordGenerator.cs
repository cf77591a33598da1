using System.Security.Cryptography;

namespace Ava.Infrastructure.Identity;

/// <summary>Strong random passwords for first-run and demo accounts.</summary>
public static class PasswordGenerator
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    /// <summary>Four groups of five characters from a 57-character alphabet: about 116 bits.</summary>
    public static string Generate()
    {
        var groups = Enumerable.Range(0, 4)
            .Select(_ => RandomNumberGenerator.GetString(Alphabet, 5));
        return string.Join('-', groups);
    }
}
