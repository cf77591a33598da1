using System.Text.RegularExpressions;
using Ava.Domain.Commands;

namespace Ava.Infrastructure.Commands;

/// <summary>A checked, allow-listed command: the only kind the execution queue runs.</summary>
public sealed record CommandDefinition(
    string Name,
    string Description,
    string Executable,
    IReadOnlyList<CommandArgument> Arguments,
    string WorkingDirectory,
    TimeSpan Timeout,
    int OutputLimitBytes,
    IReadOnlyList<string> Environment,
    CommandDecision Decision,
    ResourceLimits Limits)
{
    /// <summary>The arguments the requester fills in, in order.</summary>
    public IReadOnlyList<CommandArgument> OpenArguments => Arguments.Where(a => !a.IsFixed).ToList();

    /// <summary>The program's whole argument list for the requester's values, which must already have passed the checks.</summary>
    public IReadOnlyList<string> ArgumentListFor(IReadOnlyList<string> values)
    {
        var open = 0;
        return Arguments.Select(a => a.IsFixed ? a.FixedValue! : values[open++]).ToList();
    }
}

/// <summary>One argument position: fixed, or a value the requester gives that must match <see cref="Pattern"/>.</summary>
public sealed record CommandArgument(int Position, string? FixedValue, string? Name, Regex? Pattern, string? Description, string? Default)
{
    public bool IsFixed => FixedValue is not null;

    /// <summary>The pattern as configured, for people to read.</summary>
    public string? PatternText { get; init; }
}

/// <summary>The Linux limits a run's processes get; 0 means not limited.</summary>
public sealed record ResourceLimits(int CpuSeconds, int MemoryMb, int Processes)
{
    public const int DefaultMemoryMb = 512;
    public const int DefaultProcesses = 64;
}
