using Ava.Dashboard;
using Ava.Dashboard.Hosting;
using Ava.Infrastructure;

if (AppVersion.IsRequested(args))
{
    return AppVersion.Print();
}

var builder = WebApplication.CreateBuilder(DashboardConfiguration.TranslateSwitches(args));
try
{
    builder.AddRootSettings().ValidateSettings();
}
catch (InvalidConfigurationException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 1;
}

builder.AddDashboardLogging();
builder.Services.AddInfrastructure(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddDashboard(builder.Configuration, builder.Environment);

var app = builder.Build();
if (await CommandLine.TryRunAsync(app, args) is { } exitCode)
{
    return exitCode;
}

app.UseDashboardPipeline();
app.MapDashboardEndpoints();

await app.InitializeAsync();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the test hosts.</summary>
public partial class Program;
