using Microsoft.AspNetCore.Identity;

namespace Ava.Infrastructure.Identity;

/// <summary>Refuses a password equal to the user's email or user name (the only rule beside length).</summary>
internal sealed class PasswordNotEmailValidator : IPasswordValidator<AvaUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<AvaUser> manager, AvaUser user, string? password)
    {
        var same = password is not null &&
            (string.Equals(password, user.Email, StringComparison.OrdinalIgnoreCase) ||
             string.Equals(password, user.UserName, StringComparison.OrdinalIgnoreCase));
        return Task.FromResult(same
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordEqualsEmail", Description = "The password must not be your email address." })
            : IdentityResult.Success);
    }
}
