using Serilog;
using Serilog.Formatting.Compact;

namespace Ava.Dashboard.Hosting;

/// <summary>
/// Serilog from the <c>Serilog</c> section (levels, overrides), readable console output in
/// Development and compact JSON elsewhere, and a rolling file (<c>LogFile:Path</c>, empty turns it off).
/// </summary>
internal static class LoggingSetup
{
    public static WebApplicationBuilder AddDashboardLogging(this WebApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        var filePath = builder.Configuration["LogFile:Path"];
        var retainedDays = builder.Configuration.GetValue("LogFile:RetainedDays", 14);
        var contentRoot = builder.Environment.ContentRootPath;

        builder.Services.AddSerilog((services, logger) =>
        {
            logger
                .ReadFrom.Configuration(builder.Configuration)
                .Enrich.FromLogContext()
                .Enrich.WithMachineName()
                .Destructure.With<SensitiveValueDestructuringPolicy>();

            if (development)
            {
                logger.WriteTo.Console(outputTemplate:
                    "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}{NewLine}      {Message:lj} {CorrelationId}{NewLine}{Exception}");
            }
            else
            {
                logger.WriteTo.Console(new RenderedCompactJsonFormatter());
            }

            if (!string.IsNullOrWhiteSpace(filePath))
            {
                var path = Path.IsPathRooted(filePath) ? filePath : Path.Combine(contentRoot, filePath);
                logger.WriteTo.File(new CompactJsonFormatter(), path, rollingInterval: RollingInterval.Day, retainedFileCountLimit: retainedDays, shared: true);
            }
        });
        return builder;
    }
}
