using System.Text.Encodings.Web;
using Ava.Infrastructure.ApiTokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Ava.Dashboard.Api;

/// <summary>
/// Verifies the bearer token through <see cref="ApiTokenService"/> and signs the request in as the
/// token's owner with the same principal a cookie sign-in builds (<see cref="ApiTokenPrincipals"/>), so
/// permission checks, the services' guard and the audit trail see the same user either way.
/// Refusals answer 401 with <c>WWW-Authenticate: Bearer</c> and problem details.
/// </summary>
internal sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokenService tokens,
    ApiTokenPrincipals principals,
    RefusedTokenLimiter refusals)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string TooManyRefusals = "ava:too_many_refused_tokens";

    private const string MissingTokenDetail =
        "This endpoint needs a personal access token: send 'Authorization: Bearer <token>'. Create one on your account page under API tokens.";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = ApiTokenAuthentication.BearerToken(Request);
        if (presented is null)
        {
            return AuthenticateResult.NoResult();
        }

        var address = Context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (refusals.IsBlocked(address, presented))
        {
            Context.Items[TooManyRefusals] = true;
            return AuthenticateResult.Fail("Too many refused tokens came from this address; it was not checked.");
        }

        var verification = await tokens.VerifyAsync(presented, Context.RequestAborted);
        if (!verification.IsValid)
        {
            refusals.CountRefusal(address);
            return AuthenticateResult.Fail(Describe(verification.Refusal));
        }

        refusals.RememberAcceptance(presented);
        var principal = await principals.CreateAsync(verification, Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        if (Context.Items.ContainsKey(TooManyRefusals))
        {
            Response.Headers.RetryAfter = refusals.WindowSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await TypedResults.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many requests",
                detail: $"Too many refused API tokens came from this address. Try again in {refusals.WindowSeconds} s with a valid token.").ExecuteAsync(Context);
            return;
        }

        var presented = result.Failure is not null;
        Response.Headers.WWWAuthenticate = presented ? "Bearer error=\"invalid_token\"" : "Bearer";
        await TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: presented ? "The API token was refused" : "An API token is required",
            detail: result.Failure?.Message ?? MissingTokenDetail).ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "Forbidden",
            detail: "The token's user does not have the permission this endpoint needs. The attempt was recorded in the audit log.").ExecuteAsync(Context);

    private static string Describe(ApiTokenRefusal refusal) => refusal switch
    {
        ApiTokenRefusal.Revoked => "The token has been revoked.",
        ApiTokenRefusal.Expired => "The token has expired; create a new one.",
        ApiTokenRefusal.UserLockedOut => "The token's user is locked out.",
        _ => "The token is not valid.",
    };
}
