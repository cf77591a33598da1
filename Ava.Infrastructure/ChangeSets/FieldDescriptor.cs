using System.Globalization;

namespace Ava.Infrastructure.ChangeSets;

/// <summary>
/// One field of an entity as recommendations see it: its API name, whether an assistant may change
/// it (the allow-list, specification §3), how it reads as text and how a text value is set.
/// </summary>
public sealed record FieldDescriptor<TValues>(
    string Name,
    bool Changeable,
    bool IsLongText,
    Func<TValues, string?> Read,
    Func<TValues, string?, TValues> Write,
    Func<string?, string?> Check)
{
    public static string? NoCheck(string? value) => null;

    public static FieldDescriptor<TValues> Text(string name, bool changeable, Func<TValues, string?> read, Func<TValues, string?, TValues> write, bool isLongText = false) =>
        new(name, changeable, isLongText, read, write, NoCheck);

    public static FieldDescriptor<TValues> Enum<TEnum>(string name, bool changeable, Func<TValues, TEnum> read, Func<TValues, TEnum, TValues> write)
        where TEnum : struct, System.Enum =>
        new(name, changeable, false, v => read(v).ToString(), (v, text) => write(v, ParseEnum<TEnum>(text)!.Value), text => ParseEnum<TEnum>(text) is null
            ? $"'{text}' is not a valid {name}; use one of {string.Join(", ", System.Enum.GetNames<TEnum>())}."
            : null);

    public static FieldDescriptor<TValues> Score(string name, bool changeable, Func<TValues, double?> read, Func<TValues, double?, TValues> write) =>
        new(name, changeable, false, v => read(v)?.ToString("0.###", CultureInfo.InvariantCulture), (v, text) => write(v, ParseScore(text)), text =>
            string.IsNullOrWhiteSpace(text) || (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
                ? null
                : $"'{text}' is not a valid {name}; use a number such as 0.75, or leave it empty.");

    private static TEnum? ParseEnum<TEnum>(string? text)
        where TEnum : struct, System.Enum =>
        text is not null && !int.TryParse(text, out _) && System.Enum.TryParse<TEnum>(text.Trim(), ignoreCase: true, out var value) && System.Enum.IsDefined(value)
            ? value
            : null;

    private static double? ParseScore(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
