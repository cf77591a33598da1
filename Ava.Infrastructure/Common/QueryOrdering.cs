using System.Linq.Expressions;
using FluentValidation;

namespace Ava.Infrastructure.Common;

internal static class QueryOrdering
{
    /// <summary>Orders by <paramref name="key"/>, then by the id in the same direction, so pages never overlap.</summary>
    public static IOrderedQueryable<T> OrderByThenId<T, TKey>(this IQueryable<T> query, Expression<Func<T, TKey>> key, Expression<Func<T, long>> id, bool descending) =>
        descending ? query.OrderByDescending(key).ThenByDescending(id) : query.OrderBy(key).ThenBy(id);
}

internal static class ValidatorExtensions
{
    /// <summary>Throws <see cref="InvalidValuesException"/> with the messages per field when <paramref name="values"/> break a rule.</summary>
    public static async Task EnsureValidAsync<T>(this IValidator<T> validator, T values, CancellationToken cancellationToken)
    {
        var result = await validator.ValidateAsync(values, cancellationToken);
        if (!result.IsValid)
        {
            throw InvalidValuesException.From(result);
        }
    }
}
