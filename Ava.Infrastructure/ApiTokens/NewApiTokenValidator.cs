using Ava.Domain.ApiTokens;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace Ava.Infrastructure.ApiTokens;

/// <summary>The rules of a new token, shared by the account page and the command line.</summary>
public sealed class NewApiTokenValidator : AbstractValidator<NewApiToken>
{
    public NewApiTokenValidator(IOptions<ApiTokenOptions> options)
    {
        RuleFor(t => t.Name)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Name is required.");
        RuleFor(t => t.Name)
            .Must(n => n.Trim().Length <= ApiToken.NameMaxLength)
            .When(t => !string.IsNullOrWhiteSpace(t.Name))
            .WithMessage(t => $"Name must be at most {ApiToken.NameMaxLength} characters; it has {t.Name.Trim().Length}.");
        RuleFor(t => t.ExpiresInDays)
            .InclusiveBetween(1, ApiToken.MaxLifetimeDays).When(t => t.ExpiresInDays is not null)
            .WithMessage($"Expiry must be from 1 to {ApiToken.MaxLifetimeDays} days.");
        RuleFor(t => t.ExpiresInDays)
            .NotNull().When(_ => !options.Value.AllowNoExpiry)
            .WithMessage($"Choose when the token expires (1 to {ApiToken.MaxLifetimeDays} days); tokens that never expire are switched off by the administrator.");
    }
}
