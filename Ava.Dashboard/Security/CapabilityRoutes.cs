using Ava.Dashboard.Api;
using Ava.Domain.Settings;

namespace Ava.Dashboard.Security;

/// <summary>Which pages and API requests belong to each capability that can be switched off.</summary>
public static class CapabilityRoutes
{
    /// <summary>API paths as segments, <c>*</c> for any one segment; a request matches when its path starts with them and its method is listed (any method when none are).</summary>
    private sealed record ApiRule(string Pattern, params string[] Methods);

    private static readonly (Capability Capability, string[] Pages, ApiRule[] Api)[] Routes =
    [
        (Capabilities.AiFeatures, ["/prompts"], [new(ApiPaths.Root + "/prompts"), new(ApiPaths.Root + "/ai")]),
        (Capabilities.Briefings, ["/briefings"], [new(ApiPaths.Root + "/briefings")]),

        // Reading the reviews a codestone has stays open; asking for one does not.
        (Capabilities.CodeReviews, [], [new(ApiPaths.Root + "/codestones/*/reviews", HttpMethods.Post)]),
        (Capabilities.CommandExecution, ["/execution"], [new(ApiPaths.Root + "/commands"), new(ApiPaths.Root + "/executions")]),
    ];

    /// <summary>The capability a page belongs to (by its path, e.g. <c>/execution/12</c>), or null.</summary>
    public static Capability? ForPage(string path) =>
        Routes.FirstOrDefault(r => r.Pages.Any(p => new PathString(path).StartsWithSegments(p))).Capability;

    /// <summary>The capability an API request belongs to, or null.</summary>
    public static Capability? ForApi(PathString path, string method) =>
        Routes.FirstOrDefault(r => r.Api.Any(rule => Matches(rule, path, method))).Capability;

    private static bool Matches(ApiRule rule, PathString path, string method)
    {
        if (rule.Methods.Length > 0 && !rule.Methods.Any(m => HttpMethods.Equals(m, method)))
        {
            return false;
        }

        var expected = rule.Pattern.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var actual = (path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        return actual.Length >= expected.Length
            && expected.Select((segment, i) => segment == "*" || string.Equals(segment, actual[i], StringComparison.OrdinalIgnoreCase)).All(match => match);
    }
}
