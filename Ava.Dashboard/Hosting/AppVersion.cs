using System.Reflection;

namespace Ava.Dashboard.Hosting;

/// <summary><c>--version</c>: prints the dashboard's version and exits before anything else starts (no settings, no database).</summary>
internal static class AppVersion
{
    public static bool IsRequested(string[] args) => args is ["--version"];

    /// <summary>The product version with the commit it was built from, e.g. <c>1.0.0+d57758d…</c>.</summary>
    public static string Text =>
        "Ava Prime Dashboard " + (typeof(AppVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(AppVersion).Assembly.GetName().Version?.ToString() ?? "unknown");

    public static int Print()
    {
        Console.Out.WriteLine(Text);
        return 0;
    }
}
