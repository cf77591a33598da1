using Ava.Dashboard.Api;
using Ava.Infrastructure.Settings;

namespace Ava.Dashboard.Hosting;

/// <summary>The host's own settings on the configuration status, after the Infrastructure's groups.</summary>
internal static class HostSettingGroups
{
    public static IServiceCollection AddHostSettingGroups(this IServiceCollection services) => services
        .AddSingleton(new SettingGroup("API rate limits", ApiRateLimitOptions.Section, typeof(ApiRateLimitOptions)))
        .AddSingleton(new SettingGroup("Reverse proxy", ProxyOptions.Section, typeof(ProxyOptions)))
        .AddSingleton(new SettingGroup("Logging", "", null, ["LogFile:Path", "LogFile:RetainedDays", "Serilog:MinimumLevel:Default"]));
}
