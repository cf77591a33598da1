using Ava.Infrastructure.Configuration;
using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Workflows;
using Hangfire;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Ava.Dashboard.Hosting;

internal static class StartupTasks
{
    /// <summary>
    /// Prepares the database, re-queues runs a restart interrupted, registers the recurring jobs,
    /// and once the server listens prints where to sign in. Passwords go to the console only, never to a log.
    /// </summary>
    public static async Task InitializeAsync(this WebApplication app)
    {
        StartupNotice notice;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            notice = await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        }

        var database = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            await app.Services.GetRequiredService<WorkflowRecovery>().RequeueInterruptedRunsAsync();
        }

        RecurringWorkflows.Register(app.Services.GetRequiredService<IRecurringJobManager>(), app.Services);

        var demo = app.Services.GetRequiredService<BootstrapOptions>().Demo;
        app.Lifetime.ApplicationStarted.Register(() => PrintWelcome(app, notice, demo));
    }

    private static void PrintWelcome(WebApplication app, StartupNotice notice, bool demo)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var url = addresses.FirstOrDefault() ?? "(no address)";
        var lines = new List<string>
        {
            "",
            "  Ava Prime Dashboard" + (demo ? " (demo mode)" : ""),
            $"  Open {url} and sign in.",
        };
        lines.AddRange(notice.Lines.Select(l => "  " + l));
        lines.Add("");
        Console.Out.WriteLine(string.Join(Environment.NewLine, lines));
        Console.Out.Flush();
    }
}
