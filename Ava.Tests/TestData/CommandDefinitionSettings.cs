namespace Ava.Tests.TestData;

/// <summary>One argument of a test definition: a fixed value, or a named value with its pattern.</summary>
public sealed record TestArgument(string? Value = null, string? Name = null, string? Pattern = null)
{
    public static TestArgument Fixed(string value) => new(Value: value);

    public static TestArgument Open(string name, string pattern) => new(Name: name, Pattern: pattern);
}

/// <summary>A command definition as configuration keys, the way appsettings.json or environment variables give them.</summary>
public sealed record TestDefinition(
    string Name,
    string Executable,
    IReadOnlyList<TestArgument>? Arguments = null,
    int TimeoutSeconds = 30,
    int OutputLimitKb = 64,
    string Decision = "allow",
    IReadOnlyList<string>? Environment = null,
    string? WorkingDirectory = null,
    int? CpuSeconds = null,
    int? MemoryMb = null,
    int? Processes = null)
{
    public IEnumerable<KeyValuePair<string, string>> Settings(int index)
    {
        var prefix = $"Commands:Definitions:{index}:";
        yield return new(prefix + "Name", Name);
        yield return new(prefix + "Description", $"Test command {Name}");
        yield return new(prefix + "Executable", Executable);
        yield return new(prefix + "TimeoutSeconds", TimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return new(prefix + "OutputLimitKb", OutputLimitKb.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return new(prefix + "Decision", Decision);
        if (WorkingDirectory is not null)
        {
            yield return new(prefix + "WorkingDirectory", WorkingDirectory);
        }

        foreach (var (argument, i) in (Arguments ?? []).Select((a, i) => (a, i)))
        {
            if (argument.Value is not null)
            {
                yield return new($"{prefix}Arguments:{i}:Value", argument.Value);
            }
            else
            {
                yield return new($"{prefix}Arguments:{i}:Name", argument.Name!);
                yield return new($"{prefix}Arguments:{i}:Pattern", argument.Pattern!);
            }
        }

        foreach (var (variable, i) in (Environment ?? []).Select((v, i) => (v, i)))
        {
            yield return new($"{prefix}Environment:{i}", variable);
        }

        foreach (var (key, value) in new[] { ("CpuSeconds", CpuSeconds), ("MemoryMb", MemoryMb), ("Processes", Processes) })
        {
            if (value is { } limit)
            {
                yield return new($"{prefix}Limits:{key}", limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }
}
