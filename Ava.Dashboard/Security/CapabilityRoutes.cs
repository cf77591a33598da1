using Ava.Dashboard.Api;
using Ava.Domain.Settings;

namespace Ava.Dashboard.Security;

/// <summary>Which pages and API paths belong to each capability that can be switched off.</summary>
public static class CapabilityRoutes
{
    private static readonly (Capability Capability, string[] Pages, string[] Api)[] Routes =
    [
        (Capabilities.AiFeatures, ["/prompts"], [ApiPaths.Root + "/prompts", ApiPaths.Root + "/ai"]),
        (Capabilities.CommandExecution, ["/execution"], [ApiPaths.Root + "/commands", ApiPaths.Root + "/executions"]),
    ];

    /// <summary>The capability a page belongs to (by its path, e.g. <c>/execution/12</c>), or null.</summary>
    public static Capability? ForPage(string path) =>
        Routes.FirstOrDefault(r => r.Pages.Any(p => new PathString(path).StartsWithSegments(p))).Capability;

    public static Capability? ForApi(PathString path) =>
        Routes.FirstOrDefault(r => r.Api.Any(p => path.StartsWithSegments(p))).Capability;
}
