using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Ava.Dashboard.Api;

/// <summary>
/// The API's authentication: personal access tokens sent as <c>Authorization: Bearer ava_pat_…</c>.
/// API endpoints accept only this scheme, never the session cookie, so a browser cannot be tricked
/// into calling them (no CSRF); the OpenAPI description accepts either.
/// </summary>
public static class ApiTokenAuthentication
{
    public const string Scheme = "ApiToken";

    /// <summary>Forwards to <see cref="Scheme"/> when a bearer token is present, otherwise to the session cookie.</summary>
    public const string TokenOrSessionScheme = "ApiTokenOrSession";

    /// <summary>Every API endpoint: a valid token. Endpoints add their permission policy on top.</summary>
    public const string TokenPolicy = "api_token";

    /// <summary>The OpenAPI document and the API reference: a signed-in user or a valid token.</summary>
    public const string ReferencePolicy = "api_reference";

    /// <summary>The id of the token a request authenticated with; the rate limiter partitions by it.</summary>
    public const string TokenIdClaim = "ava:api_token_id";

    /// <summary>The listed prefix of that token, for the audit trail.</summary>
    public const string TokenPrefixClaim = "ava:api_token_prefix";

    internal static IServiceCollection AddApiTokenAuthentication(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddScoped<ApiTokenPrincipals>();
        services.AddSingleton<RefusedTokenLimiter>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(Scheme, "Personal access token", null)
            .AddPolicyScheme(TokenOrSessionScheme, "Personal access token or session", o =>
                o.ForwardDefaultSelector = context => HasBearerToken(context.Request) ? Scheme : IdentityConstants.ApplicationScheme);

        services.AddAuthorizationBuilder()
            .AddPolicy(TokenPolicy, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser())
            .AddPolicy(ReferencePolicy, p => p.AddAuthenticationSchemes(TokenOrSessionScheme).RequireAuthenticatedUser());
        return services;
    }

    internal static bool HasBearerToken(HttpRequest request) => BearerToken(request) is not null;

    /// <summary>The token of an <c>Authorization: Bearer</c> header, or null.</summary>
    internal static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        return header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && header.Length > prefix.Length
            ? header[prefix.Length..].Trim()
            : null;
    }
}
