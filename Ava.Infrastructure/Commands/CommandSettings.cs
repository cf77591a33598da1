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
        CheckNumbers(section, errors);
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

    /// <summary>A number that is not one is named here: the binder would quietly leave the default in its place.</summary>
    private static void CheckNumbers(IConfigurationSection section, List<string> errors)
    {
        string[] keys = ["TimeoutSeconds", "OutputLimitKb", "Limits:CpuSeconds", "Limits:MemoryMb", "Limits:Processes"];
        foreach (var definition in section.GetSection("Definitions").GetChildren())
        {
            foreach (var key in keys)
            {
                var value = definition[key];
                if (value is not null && !int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out _))
                {
                    errors.Add($"{definition.Path}:{key} '{value}' must be a whole number.");
                }
            }
        }

        var isolation = section["Isolation"];
        if (isolation is not null && (int.TryParse(isolation, out _) || !Enum.TryParse<SandboxIsolation>(isolation, ignoreCase: true, out _)))
        {
            errors.Add($"{section.Path}:Isolation '{isolation}' must be Auto, Namespace or ProcessGroup.");
        }
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
