using Ava.Infrastructure.Configuration;
using Ava.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace Ava.Infrastructure.Commands;

/// <summary>
/// Demo mode's allow-list: useful, harmless commands that exist on Debian, pointed at this dashboard's own
/// data folder, database file and logs. A definition whose program is missing on this machine is left out;
/// configured definitions of the same name replace these.
/// </summary>
internal static class DemoCommandDefinitions
{
    public static IReadOnlyList<CommandDefinitionOptions> For(IConfiguration configuration, string contentRoot)
    {
        var definitions = new List<CommandDefinitionOptions>();
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (database.Provider == DatabaseProvider.Sqlite && DatabaseFile(configuration, contentRoot) is { } file && Path.GetDirectoryName(file) is { } dataFolder)
        {
            definitions.Add(Definition("data-folder-usage", "Disk usage of the data folder, folder by folder.", "/usr/bin/du", dataFolder,
                Fixed("--human-readable"), Fixed("--max-depth"), Open("depth", "[0-3]", "How many folder levels to list (0 to 3).", "1"), Fixed(dataFolder)));
            definitions.Add(Definition("database-size", "The database file's size and when it last changed.", "/usr/bin/stat", dataFolder,
                Fixed("--format=%n: %s bytes, modified %y"), Fixed(Path.GetFileName(file))));
        }

        if (LogFolder(configuration, contentRoot) is { } logFolder)
        {
            var today = $"ava-{DateTime.Now:yyyyMMdd}.log";
            definitions.Add(Definition("recent-log-lines", "The last lines of one of the dashboard's log files.", "/usr/bin/tail", logFolder,
                Fixed("--lines"), Open("lines", "[1-9][0-9]{0,2}|1000", "How many lines, 1 to 1000.", "50"),
                Open("file", @"ava-[0-9]{8}(_[0-9]{3})?\.log", "A daily log file of the dashboard, ava-YYYYMMDD.log.", today)));
        }

        definitions.Add(Definition("system-activity", "Processes, memory, swap, I/O and CPU, one line a second.", "/usr/bin/vmstat", "/",
            Fixed("1"), Open("seconds", "[1-9]|[1-5][0-9]|60", "How many seconds to watch, 1 to 60.", "5")));
        definitions[^1].TimeoutSeconds = 90;

        definitions.Add(Definition("list-accounts", "The machine's user accounts; each run needs a second person's approval.", "/usr/bin/getent", "/",
            Fixed("passwd")));
        definitions[^1].Decision = "approval";

        if (AppExecutable() is { } app)
        {
            // .NET reserves far more address space than it uses, so its memory cannot be capped with RLIMIT_AS.
            var version = Definition("app-version", "The dashboard's version and the commit it was built from.", app.Executable, "/",
                [.. app.Arguments.Select(Fixed), Fixed("--version")]);
            version.Environment = ["DOTNET_ROOT"];
            version.Limits.MemoryMb = 0;
            definitions.Add(version);
        }

        return definitions.Where(d => File.Exists(d.Executable)).ToList();
    }

    private static CommandDefinitionOptions Definition(string name, string description, string executable, string workingDirectory, params CommandArgumentOptions[] arguments) => new()
    {
        Name = name,
        Description = description,
        Executable = executable,
        WorkingDirectory = workingDirectory,
        Arguments = [.. arguments],
        TimeoutSeconds = 30,
        OutputLimitKb = 256,
        Environment = ["LANG", "TZ"],
        Decision = "allow",
        Limits = new CommandLimitOptions { CpuSeconds = 10, MemoryMb = 256, Processes = 16 },
    };

    private static CommandArgumentOptions Fixed(string value) => new() { Value = value };

    private static CommandArgumentOptions Open(string name, string pattern, string description, string @default) =>
        new() { Name = name, Pattern = pattern, Description = description, Default = @default };

    private static string? DatabaseFile(IConfiguration configuration, string contentRoot)
    {
        var connection = DatabaseRegistration.SqliteConnectionString(configuration.GetConnectionString(DatabaseOptions.ConnectionStringName), contentRoot, 30);
        var source = new SqliteConnectionStringBuilder(connection).DataSource;
        return Path.IsPathFullyQualified(source) ? source : null;
    }

    private static string? LogFolder(IConfiguration configuration, string contentRoot)
    {
        var path = configuration["LogFile:Path"];
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path, contentRoot));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        return folder;
    }

    /// <summary>The dashboard's own program: its native launcher beside the assembly, or the dotnet host with the assembly.</summary>
    private static (string Executable, IReadOnlyList<string> Arguments)? AppExecutable()
    {
        var assembly = Path.Combine(AppContext.BaseDirectory, "Ava.Dashboard.dll");
        var launcher = Path.Combine(AppContext.BaseDirectory, "Ava.Dashboard");
        if (File.Exists(launcher) && !OperatingSystem.IsWindows())
        {
            return (launcher, []);
        }

        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "/usr/bin/dotnet";
        return File.Exists(assembly) && File.Exists(host) ? (host, [assembly]) : null;
    }
}
