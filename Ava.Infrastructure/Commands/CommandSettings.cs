using Microsoft.Extensions.Configuration;

namespace Ava.Infrastructure.Commands;

/// <summary>Reads and checks the <c>Commands</c> section; the start-up validation and the service registration both use it.</summary>
public static class CommandSettings
{
    /// <summary>Every problem of the section, each naming its setting (and definition); empty when the policy is sound.</summary>
    public static IReadOnlyList<string> Validate(IConfiguration configuration)
    {
        var errors = new List<string>();
        Read(configuration, errors);
        return errors;
    }

    internal static (CommandOptions Options, IReadOnlyList<CommandDefinition> Definitions) Read(IConfiguration configuration, List<string> errors)
    {
        var section = configuration.GetSection(CommandOptions.Section);
        CommandOptions options;
        try
        {
            options = section.Get<CommandOptions>() ?? new CommandOptions();
        }
        catch (InvalidOperationException ex)
        {
            // The binder names the key and the value it could not convert.
            errors.Add($"{CommandOptions.Section}: {ex.GetBaseException().Message}");
            return (new CommandOptions(), []);
        }

        if (!string.IsNullOrWhiteSpace(options.RunAsUser))
        {
            if (!OperatingSystem.IsLinux() || !Environment.IsPrivilegedProcess)
            {
                errors.Add($"{CommandOptions.Section}:RunAsUser '{options.RunAsUser}' needs the dashboard to run as root on Linux, which it does not; remove the setting.");
            }
            else if (!LinuxAccounts.Exists(options.RunAsUser.Trim()))
            {
                errors.Add($"{CommandOptions.Section}:RunAsUser '{options.RunAsUser}' is not an account on this machine.");
            }
        }

        var definitions = CommandDefinitionReader.Read(options.Definitions, $"{CommandOptions.Section}:Definitions", errors);
        return (options, definitions);
    }
}

/// <summary>The machine's local accounts, from <c>/etc/passwd</c>.</summary>
internal static class LinuxAccounts
{
    public static bool Exists(string userName) => Ids(userName) is not null;

    /// <summary>The account's user id and primary group id, or null when there is no such account.</summary>
    public static (int UserId, int GroupId)? Ids(string userName)
    {
        if (!File.Exists("/etc/passwd"))
        {
            return null;
        }

        foreach (var fields in File.ReadLines("/etc/passwd").Select(line => line.Split(':')))
        {
            if (fields.Length > 3 && fields[0] == userName && int.TryParse(fields[2], out var uid) && int.TryParse(fields[3], out var gid))
            {
                return (uid, gid);
            }
        }

        return null;
    }
}
