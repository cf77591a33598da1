namespace Ava.Dashboard.Api;

/// <summary>Where the REST API and its description live.</summary>
public static class ApiPaths
{
    public const string Root = "/api/v1";

    /// <summary>The OpenAPI document, for signed-in users and API tokens.</summary>
    public const string OpenApiDocument = "/openapi/{documentName}.json";

    /// <summary>The browsable API reference (Scalar), for signed-in users.</summary>
    public const string Reference = "/api/reference";

    public static bool IsApi(PathString path) => path.StartsWithSegments(Root);
}
