namespace Ava.Infrastructure.Commands;

/// <summary>How a command's process tree is confined (see <see cref="Sandbox.SandboxHost"/>).</summary>
public enum SandboxIsolation
{
    /// <summary>Namespaces when this machine allows them, otherwise a process group.</summary>
    Auto,

    /// <summary>Own user and PID namespace: when the command's first process ends, the kernel kills everything it started.</summary>
    Namespace,

    /// <summary>Own session and process group: killed as a group; a descendant that starts its own session escapes.</summary>
    ProcessGroup,
}

/// <summary>
/// The <c>Commands</c> section: the execution queue's allow-list. Anything not in
/// <see cref="Definitions"/> is forbidden; every definition is checked at start-up.
/// </summary>
public sealed class CommandOptions
{
    public const string Section = "Commands";

    public SandboxIsolation Isolation { get; set; } = SandboxIsolation.Auto;

    /// <summary>
    /// The account commands run as when the dashboard runs as root (for example <c>nobody</c>). Linux does
    /// not apply the process-count limit to root, so without it that limit has no effect for a root dashboard.
    /// </summary>
    public string? RunAsUser { get; set; }

    public List<CommandDefinitionOptions> Definitions { get; set; } = [];
}

/// <summary>One allow-listed command as configuration gives it; <see cref="CommandDefinitionReader"/> checks it.</summary>
public sealed class CommandDefinitionOptions
{
    /// <summary>What people and the API call it: lower case letters, digits, '.', '_' and '-'.</summary>
    public string? Name { get; set; }

    public string? Description { get; set; }

    /// <summary>The absolute path of the program. Never a shell given a command string.</summary>
    public string? Executable { get; set; }

    /// <summary>The program's arguments in order: fixed values, or values the requester gives that must match a pattern.</summary>
    public List<CommandArgumentOptions> Arguments { get; set; } = [];

    /// <summary>An absolute path; the root folder when not set.</summary>
    public string? WorkingDirectory { get; set; }

    public int? TimeoutSeconds { get; set; }

    /// <summary>Bytes of standard output (and, separately, of standard error) kept, in KiB; the rest is cut with a marker.</summary>
    public int? OutputLimitKb { get; set; }

    /// <summary>The names of the dashboard's environment variables passed through; every other variable is cleared.</summary>
    public List<string> Environment { get; set; } = [];

    /// <summary><c>allow</c> (the default) or <c>approval</c>.</summary>
    public string? Decision { get; set; }

    public CommandLimitOptions Limits { get; set; } = new();
}

/// <summary>One argument position: <see cref="Value"/> for a fixed argument, or <see cref="Name"/> and <see cref="Pattern"/> for one the requester gives.</summary>
public sealed class CommandArgumentOptions
{
    public string? Value { get; set; }

    public string? Name { get; set; }

    /// <summary>A .NET regular expression the whole value must match (it is anchored at both ends).</summary>
    public string? Pattern { get; set; }

    public string? Description { get; set; }

    /// <summary>The value the run form starts with; it must match the pattern.</summary>
    public string? Default { get; set; }
}

/// <summary>Linux resource limits for the command's processes; 0 turns one off.</summary>
public sealed class CommandLimitOptions
{
    /// <summary>CPU seconds per process (RLIMIT_CPU); the timeout's length when not set.</summary>
    public int? CpuSeconds { get; set; }

    /// <summary>Address space per process in MiB (RLIMIT_AS).</summary>
    public int? MemoryMb { get; set; }

    /// <summary>Processes and threads the command may have at once (RLIMIT_NPROC).</summary>
    public int? Processes { get; set; }
}
