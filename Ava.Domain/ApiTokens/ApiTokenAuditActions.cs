using Ava.Domain.Audit;

namespace Ava.Domain.ApiTokens;

[AuditActionSet("API")]
public static class ApiTokenAuditActions
{
    public const string Created = "api_token.created";
    public const string Revoked = "api_token.revoked";

    /// <summary>A write request (POST, PUT, PATCH, DELETE) made with an API token, with its outcome.</summary>
    public const string ApiWrite = "api.write";
}
