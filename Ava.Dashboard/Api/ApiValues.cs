using Ava.Domain.Recommendations;
using Ava.Infrastructure.ChangeSets;
using Ava.Infrastructure.Common;

namespace Ava.Dashboard.Api;

/// <summary>
/// Collects per-field problems of a request before it reaches a service: a missing value the
/// API cannot default, an unknown enum name in a query string. Field names are the JSON names.
/// </summary>
internal sealed class ApiValues
{
    private readonly Dictionary<string, string[]> _errors = [];

    public T Required<T>(T? value, string field)
        where T : struct
    {
        if (value is null)
        {
            _errors[field] = [$"'{field}' is required."];
        }

        return value ?? default;
    }

    public string RequiredText(string? value, string field)
    {
        if (value is null)
        {
            _errors[field] = [$"'{field}' is required."];
        }

        return value ?? "";
    }

    /// <summary>An enum from its name (any case), or null when absent; numbers and unknown names are errors.</summary>
    public TEnum? Enum<TEnum>(string? text, string field)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!char.IsDigit(text.Trim()[0]) && System.Enum.TryParse<TEnum>(text.Trim(), ignoreCase: true, out var value) && System.Enum.IsDefined(value))
        {
            return value;
        }

        _errors[field] = [$"'{field}' must be one of {string.Join(", ", System.Enum.GetNames<TEnum>())}."];
        return null;
    }

    /// <summary>A change-target type from its API name (any case), or null when absent; a name the catalogue does not know is an error.</summary>
    public ChangeTargetType? TargetType(string? text, string field, ChangeTargets targets)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (targets.Find(text) is { } target)
        {
            return target.Type;
        }

        _errors[field] = [$"'{field}' must be one of {string.Join(", ", targets.Names)}."];
        return null;
    }

    public void Check(bool valid, string field, string message)
    {
        if (!valid)
        {
            _errors[field] = [message];
        }
    }

    /// <summary>Throws the collected problems as one 400 with a message per field.</summary>
    public void ThrowIfInvalid()
    {
        if (_errors.Count > 0)
        {
            throw new InvalidValuesException(_errors);
        }
    }
}
