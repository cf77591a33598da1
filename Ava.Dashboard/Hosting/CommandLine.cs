using System.Globalization;
using Ava.Infrastructure.ApiTokens;
using Ava.Infrastructure.Audit;
using Ava.Infrastructure.Common;
using Ava.Infrastructure.Identity;
using Ava.Infrastructure.Persistence;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Ava.Dashboard.Hosting;

/// <summary>
/// Commands that run instead of the server, with the server's configuration and start-up database
/// work (migrations included), then exit:
/// <c>token create --email &lt;user&gt; --name &lt;name&gt; [--expires-days N]</c> prints a new API token.
/// Only the token goes to standard output, so a script can capture it; everything else goes to standard error.
/// </summary>
internal static class CommandLine
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int Usage = 2;

    private const string UsageText =
        "Usage: token create --email <user's email> --name <token name> [--expires-days <1-365>]";

    private static readonly string[] TokenOptions = ["--email", "--name", "--expires-days"];

    /// <summary>The arguments that are settings: a command's own words and options are not.</summary>
    public static string[] SettingsArguments(string[] args) => IsTokenCommand(args) ? Parse(args).Settings : args;

    /// <summary>Runs the command the arguments name and returns its exit code, or null when they name none (start the server).</summary>
    public static async Task<int?> TryRunAsync(WebApplication app, string[] args)
    {
        if (!IsTokenCommand(args))
        {
            return null;
        }

        // Logs and messages go to standard error; standard output carries the token alone.
        var output = Console.Out;
        Console.SetOut(Console.Error);
        try
        {
            await using (app)
            {
                var command = Parse(args);
                if (command.Error is not null)
                {
                    await Console.Error.WriteLineAsync(command.Error + Environment.NewLine + UsageText);
                    return Usage;
                }

                return await CreateTokenAsync(app.Services, command, output);
            }
        }
        finally
        {
            Console.SetOut(output);
        }
    }

    private static bool IsTokenCommand(string[] args) => args.Length > 0 && args[0] == "token";

    private static async Task<int> CreateTokenAsync(IServiceProvider services, TokenCommand command, TextWriter output)
    {
        await using (var startup = services.CreateAsyncScope())
        {
            var notice = await startup.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
            foreach (var line in notice.Lines)
            {
                await Console.Error.WriteLineAsync(line);
            }
        }

        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AvaUser>>();
        var user = await users.FindByEmailAsync(command.Email!);
        if (user is null)
        {
            await Console.Error.WriteLineAsync($"There is no user with the email '{command.Email}'.");
            return Failure;
        }

        if (await users.IsLockedOutAsync(user))
        {
            await Console.Error.WriteLineAsync($"{user.Email} is locked out; a token would not work. Unlock the user first.");
            return Failure;
        }

        // The token is created as its owner, exactly as on the account page; the audit event's
        // correlation id says it came from the command line.
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AvaUser>>().CreateAsync(user);
        ((IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        CreatedApiToken created;
        using (CorrelationContext.Begin($"cli-{Guid.NewGuid():N}"))
        {
            try
            {
                created = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().CreateAsync(new NewApiToken(command.Name!,
                    command.ExpiresInDays ?? scope.ServiceProvider.GetRequiredService<IOptions<ApiTokenOptions>>().Value.DefaultExpiryDays));
            }
            catch (InvalidValuesException invalid)
            {
                await Console.Error.WriteLineAsync(invalid.Message);
                return Failure;
            }
        }

        var expiry = created.Token.ExpiresAt is { } at ? $", expires {at.UtcDateTime:yyyy-MM-dd HH:mm} UTC" : ", never expires";
        await Console.Error.WriteLineAsync(
            $"Created API token '{created.Token.Name}' ({created.Token.Prefix}…) for {user.Email}{expiry}. Copy it now: it is not shown again.");
        await output.WriteLineAsync(created.Secret);
        await output.FlushAsync();
        return Success;
    }

    private static TokenCommand Parse(string[] args)
    {
        var command = new TokenCommand();
        if (args.Length < 2 || args[1] != "create")
        {
            return command with { Error = args.Length < 2 ? "Missing the token command." : $"Unknown token command '{args[1]}'.", Settings = args.Skip(1).ToArray() };
        }

        var settings = new List<string>();
        var values = new Dictionary<string, string>();
        for (var i = 2; i < args.Length; i++)
        {
            var (name, inlineValue) = args[i].Split('=', 2) is [var n, var v] ? (n, v) : (args[i], null);
            if (!TokenOptions.Contains(name))
            {
                settings.Add(args[i]);
                continue;
            }

            var value = inlineValue ?? (i + 1 < args.Length ? args[++i] : null);
            if (value is null)
            {
                return command with { Error = $"{name} needs a value.", Settings = [.. settings] };
            }

            values[name] = value;
        }

        command = command with
        {
            Email = values.GetValueOrDefault("--email"),
            Name = values.GetValueOrDefault("--name"),
            Settings = [.. settings],
        };
        if (command.Email is null || command.Name is null)
        {
            return command with { Error = "--email and --name are required." };
        }

        if (values.TryGetValue("--expires-days", out var daysText))
        {
            if (!int.TryParse(daysText, NumberStyles.None, CultureInfo.InvariantCulture, out var days))
            {
                return command with { Error = $"--expires-days '{daysText}' is not a whole number of days." };
            }

            command = command with { ExpiresInDays = days };
        }

        return command;
    }

    private sealed record TokenCommand(string? Email = null, string? Name = null, int? ExpiresInDays = null, string? Error = null)
    {
        /// <summary>The arguments left for the host's configuration (for example <c>--ConnectionStrings:Ava=...</c>).</summary>
        public string[] Settings { get; init; } = [];
    }
}
