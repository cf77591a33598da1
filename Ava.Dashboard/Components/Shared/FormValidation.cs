using FluentValidation;

namespace Ava.Dashboard.Components.Shared;

/// <summary>
/// Connects a FluentValidation validator to a MudForm: each field asks for the messages of its own
/// property, so errors appear next to the field as the user types, in the rule's own words.
/// </summary>
public static class FormValidation
{
    public static Func<object, string, Task<IEnumerable<string>>> For<TValues>(IValidator<TValues> validator, Func<TValues> current) =>
        async (_, property) =>
        {
            var result = await validator.ValidateAsync(current());
            return result.Errors
                .Where(e => e.PropertyName == property || e.PropertyName.StartsWith(property + "[", StringComparison.Ordinal))
                .Select(e => e.ErrorMessage)
                .Distinct()
                .ToList();
        };
}
