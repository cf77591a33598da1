using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Ava.Dashboard.Hosting;
using Ava.Domain.Recommendations;
using Ava.Infrastructure.ChangeSets;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Ava.Dashboard.Api;

/// <summary>
/// The OpenAPI description (<c>/openapi/v1.json</c>) and the Scalar reference (<c>/api/reference</c>).
/// Both need a signed-in user or an API token: the document lists what the API can do, which is
/// no secret worth hiding, but nothing of the dashboard answers anonymous callers except sign-in
/// and health. Scalar's bundle is served from the package, so the reference works offline.
/// </summary>
internal static class ApiReference
{
    public const string DocumentName = "v1";
    public const string BearerSchemeId = "Bearer";

    internal static IServiceCollection AddApiDescription(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith(ApiPaths.Root[1..], StringComparison.Ordinal) == true;
            options.AddOperationTransformer(async (operation, context, cancellationToken) =>
            {
                if (context.Description.ActionDescriptor.EndpointMetadata.OfType<JsonBodyMetadata>().FirstOrDefault() is { } body)
                {
                    operation.RequestBody = new OpenApiRequestBody
                    {
                        Required = true,
                        Content = new Dictionary<string, OpenApiMediaType>
                        {
                            ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(body.Type, cancellationToken: cancellationToken) },
                        },
                    };
                }

                if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
                {
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerSchemeId, context.Document)] = [] });
                }
            });
            options.AddSchemaTransformer((schema, context, _) =>
            {
                // Written by its own converter, so the generator cannot tell: a type is its API name, one of the catalogue's.
                if (context.JsonTypeInfo.Type == typeof(ChangeTargetType))
                {
                    schema.Type = JsonSchemaType.String;
                    schema.Properties?.Clear();
                    schema.Enum = [.. context.ApplicationServices.GetRequiredService<ChangeTargets>().Names.Select(name => (JsonNode)name)];
                    schema.Description = "The kind of entity, by its API name.";
                }

                return Task.CompletedTask;
            });
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Ava Prime API",
                    Version = DocumentName,
                    Description = "The dashboard's REST API. Authenticate with a personal access token (create one under Account → API tokens, "
                        + "or with `token create` on the server) sent as `Authorization: Bearer <token>`. Each endpoint needs the same permission "
                        + "as the page it mirrors; every error is an RFC 9457 problem. Requests are rate limited per token.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerSchemeId] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "ava_pat_ followed by 40 letters and digits",
                    Description = "A personal access token.",
                };
                return Task.CompletedTask;
            });
        });

    internal static void MapApiReference(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi(ApiPaths.OpenApiDocument).RequireAuthorization(ApiTokenAuthentication.ReferencePolicy);
        endpoints.MapScalarApiReference(ApiPaths.Reference, (options, context) =>
            {
                // A fresh nonce per page: the security headers allow exactly these inline scripts.
                // Hex digits are valid in a CSP nonce and need no escaping in HTML or headers.
                var nonce = RandomNumberGenerator.GetHexString(32, lowercase: true);
                context.Items[SecurityHeaders.ScriptNonceItem] = nonce;
                options
                    .WithTitle("Ava Prime API")
                    .WithOpenApiRoutePattern(ApiPaths.OpenApiDocument)
                    .WithNonce(nonce)
                    .DisableDefaultFonts()
                    .DisableTelemetry()
                    .DisableAgent()
                    .DisableMcp()
                    .WithFavicon("/favicon.svg")
                    .AddPreferredSecuritySchemes([BearerSchemeId]);
            })
            .RequireAuthorization(ApiTokenAuthentication.ReferencePolicy);
    }
}
