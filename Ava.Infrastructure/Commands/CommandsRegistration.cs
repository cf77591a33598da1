using Ava.Infrastructure.Commands.Sandbox;
using Ava.Infrastructure.Configuration;
using Ava.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ava.Infrastructure.Commands;

public static class CommandsRegistration
{
    /// <summary>
    /// The execution queue: the checked allow-list of <c>Commands:Definitions</c> (with demo mode's own
    /// definitions added), the sandbox, the queue service, its queries and the runner the run-command
    /// workflow calls. The settings were checked by <see cref="SettingsValidator"/> already; a policy with
    /// errors still refuses to register.
    /// </summary>
    public static IServiceCollection AddCommands(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var errors = new List<string>();
        var (options, configured) = CommandSettings.Read(configuration, errors);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The Commands settings are not valid: " + string.Join(" ", errors));
        }

        var definitions = configured.ToList();
        if (BootstrapOptions.From(configuration).Demo)
        {
            // Demo definitions are built from this machine's paths; one that does not check out is left out.
            var demo = CommandDefinitionReader.Read(DemoCommandDefinitions.For(configuration, contentRoot), "demo", []);
            definitions.InsertRange(0, demo.Where(d => configured.All(c => c.Name != d.Name)));
        }

        services.AddSingleton(options);
        services.AddSingleton(new CommandPolicy(definitions));
        services.AddSingleton<SandboxHost>();
        services.AddSingleton<CommandSandbox>();
        services.AddSingleton<RunningCommands>();
        services.AddSingleton<CommandActivity>();
        services.AddScoped<CommandQueueService>();
        services.AddScoped<CommandExecutionQueries>();
        services.AddScoped<CommandRunner>();
        services.AddScoped<IDemoDataSeeder, CommandsDemoSeeder>();
        services.AddHostedService<CommandQueueRecovery>();
        return services;
    }
}
