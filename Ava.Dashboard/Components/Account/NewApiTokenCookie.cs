using System.Globalization;
using System.Security.Cryptography;
using Ava.Domain.ApiTokens;
using Ava.Infrastructure.ApiTokens;
using Microsoft.AspNetCore.DataProtection;

namespace Ava.Dashboard.Components.Account;

/// <summary>
/// Carries a new token's secret across the redirect after its creation (post, redirect, get), so that
/// reloading the page shows nothing instead of creating a second token. The cookie is encrypted with
/// the app's data-protection keys, valid for a minute, sent only to the tokens page, and deleted by
/// the first page that reads it: the secret is shown once.
/// </summary>
internal sealed class NewApiTokenCookie(IDataProtectionProvider protection)
{
    private const string Name = "Ava.NewApiToken";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private ITimeLimitedDataProtector Protector => protection.CreateProtector("Ava.ApiTokens.NewTokenCookie").ToTimeLimitedDataProtector();

    public void Save(HttpContext context, string path, CreatedApiToken created) =>
        context.Response.Cookies.Append(
            Name,
            Protector.Protect($"{created.Token.Id.ToString(CultureInfo.InvariantCulture)}:{created.Secret}", Lifetime),
            new CookieOptions
            {
                Path = path,
                HttpOnly = true,
                Secure = context.Request.IsHttps,
                SameSite = SameSiteMode.Strict,
                MaxAge = Lifetime,
                IsEssential = true,
            });

    /// <summary>The secret saved for one of <paramref name="tokens"/>, if any; the cookie is deleted either way.</summary>
    public CreatedApiToken? Take(HttpContext context, string path, IEnumerable<ApiTokenSummary> tokens)
    {
        if (context.Request.Cookies[Name] is not { } value)
        {
            return null;
        }

        context.Response.Cookies.Delete(Name, new CookieOptions { Path = path });
        string payload;
        try
        {
            payload = Protector.Unprotect(value);
        }
        catch (CryptographicException)
        {
            return null;
        }

        var separator = payload.IndexOf(':', StringComparison.Ordinal);
        var id = long.Parse(payload[..separator], CultureInfo.InvariantCulture);
        var secret = payload[(separator + 1)..];
        var token = tokens.FirstOrDefault(t => t.Id == id && t.Status == ApiTokenStatus.Active && secret.StartsWith(t.Prefix, StringComparison.Ordinal));
        return token is null ? null : new CreatedApiToken(token, secret);
    }
}
