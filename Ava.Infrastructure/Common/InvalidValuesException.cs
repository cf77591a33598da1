using Ava.Domain.Common;
using FluentValidation.Results;

namespace Ava.Infrastructure.Common;

/// <summary>Input that broke validation rules: the messages per field, in the rules' own words.</summary>
public sealed class InvalidValuesException(IReadOnlyDictionary<string, string[]> errors)
    : DomainException(string.Join(" ", errors.SelectMany(e => e.Value)))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static InvalidValuesException From(ValidationResult result) =>
        new(result.Errors
            .GroupBy(e => e.PropertyName)
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()));
}
