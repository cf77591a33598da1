using Ava.Infrastructure.Configuration;

namespace Ava.Dashboard.Hosting;

internal static class DashboardConfiguration
{
    /// <summary>Command-line switches that are not key=value pairs, turned into settings; a command's own arguments are left out.</summary>
    public static string[] TranslateSwitches(string[] args) =>
        CommandLine.SettingsArguments(args).Select(a => a is "--demo" ? "--Demo:Enabled=true" : a).ToArray();

    /// <summary>
    /// The repository's root appsettings.json is the lowest-precedence source when the app runs from
    /// its project folder; the project's own appsettings files, environment variables and the
    /// command line all override it. A published app has the file in its own folder.
    /// </summary>
    public static WebApplicationBuilder AddRootSettings(this WebApplicationBuilder builder)
    {
        var contentRoot = builder.Environment.ContentRootPath;
        var root = Path.GetFullPath(Path.Combine(contentRoot, "..", "appsettings.json"));
        if (!File.Exists(Path.Combine(contentRoot, "appsettings.json")) && File.Exists(root))
        {
            var sources = builder.Configuration.Sources;
            var jsonFiles = new ConfigurationBuilder().AddJsonFile(root, optional: false, reloadOnChange: false).Sources[0];
            sources.Insert(0, jsonFiles);
        }

        return builder;
    }

    /// <summary>Stops the start with every configuration error named, before anything is built.</summary>
    public static WebApplicationBuilder ValidateSettings(this WebApplicationBuilder builder)
    {
        var errors = SettingsValidator.Validate(builder.Configuration).ToList();
        if (ProxySetup.Validate(builder.Configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new ProxyOptions()) is { } proxyError)
        {
            errors.Add(proxyError);
        }

        if (errors.Count > 0)
        {
            throw new InvalidConfigurationException(errors);
        }

        return builder;
    }
}

public sealed class InvalidConfigurationException(IReadOnlyList<string> errors)
    : Exception("The configuration is not valid:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  - " + e)))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
