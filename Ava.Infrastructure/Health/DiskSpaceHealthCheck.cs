using Ava.Infrastructure.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Ava.Infrastructure.Health;

/// <summary>The folder the data lives in (the SQLite file's folder unless <see cref="HealthOptions.DataFolder"/> says otherwise).</summary>
public sealed record DataFolder(string Path);

/// <summary>Free space on the data folder's drive against <see cref="HealthOptions.DiskDegradedBelowMegabytes"/> and <see cref="HealthOptions.DiskUnhealthyBelowMegabytes"/>.</summary>
internal sealed class DiskSpaceHealthCheck(DataFolder folder, IOptionsMonitor<HealthOptions> options) : IHealthCheck
{
    public const string Name = "disk";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var settings = options.CurrentValue;
        if (!Directory.Exists(folder.Path))
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"The data folder {folder.Path} does not exist."));
        }

        var drive = new DriveInfo(folder.Path);
        var freeMb = drive.AvailableFreeSpace / (1024 * 1024);
        var totalMb = Math.Max(1, drive.TotalSize / (1024 * 1024));
        var data = new Dictionary<string, object> { ["folder"] = folder.Path, ["freeMegabytes"] = freeMb, ["totalMegabytes"] = totalMb };
        var text = $"{freeMb:N0} MB free of {totalMb:N0} MB ({100.0 * freeMb / totalMb:0} %) for {folder.Path}.";
        return Task.FromResult(
            freeMb < settings.DiskUnhealthyBelowMegabytes ? HealthCheckResult.Unhealthy($"{text} Below {settings.DiskUnhealthyBelowMegabytes:N0} MB.", data: data)
            : freeMb < settings.DiskDegradedBelowMegabytes ? HealthCheckResult.Degraded($"{text} Below {settings.DiskDegradedBelowMegabytes:N0} MB.", data: data)
            : HealthCheckResult.Healthy(text, data));
    }
}
