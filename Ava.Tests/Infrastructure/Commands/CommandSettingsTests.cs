using Ava.Infrastructure.Configuration;
using Ava.Tests.TestData;
using Microsoft.Extensions.Configuration;

namespace Ava.Tests.Infrastructure.Commands;

/// <summary>Start-up refuses a bad allow-list with a message that names the definition and what is wrong with it.</summary>
public sealed class CommandSettingsTests
{
    [Fact]
    public void Validate_AcceptsADefinitionOfARealProgramWithPatterns()
    {
        var errors = SettingsValidator.Validate(Settings(new TestDefinition("disk-usage", "/usr/bin/du",
            [TestArgument.Fixed("-sh"), TestArgument.Open("folder", "data|logs")], WorkingDirectory: "/tmp", Environment: ["LANG"])));

        errors.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("/usr/bin/no-such-program", "Commands:Definitions:0 ('bad'): Executable '/usr/bin/no-such-program' does not exist.")]
    [InlineData("du", "Commands:Definitions:0 ('bad'): Executable 'du' is a relative path; give the absolute path (no search path is used).")]
    [InlineData("./bin/du", "Commands:Definitions:0 ('bad'): Executable './bin/du' is a relative path; give the absolute path (no search path is used).")]
    [InlineData("/usr/bin/env", "Commands:Definitions:0 ('bad'): Executable '/usr/bin/env' starts the program named in its arguments; allow-list that program itself instead.")]
    [InlineData("/usr/bin/xargs", "Commands:Definitions:0 ('bad'): Executable '/usr/bin/xargs' starts the program named in its arguments; allow-list that program itself instead.")]
    public void Validate_NamesTheDefinition_WhenItsExecutableCannotBeAllowListed(string executable, string message) =>
        SettingsValidator.Validate(Settings(new TestDefinition("bad", executable))).ShouldHaveSingleItem().ShouldBe(message);

    [Theory]
    [InlineData("/bin/sh", "-c")]
    [InlineData("/bin/bash", "-c")]
    [InlineData("/bin/dash", "-ec")]
    [InlineData("/usr/bin/perl", "-e")]
    public void Validate_RefusesAShellOrInterpreterGivenACommandString(string shell, string option)
    {
        var errors = SettingsValidator.Validate(Settings(new TestDefinition("shell", shell, [TestArgument.Fixed(option), TestArgument.Fixed("id")])));

        errors.ShouldHaveSingleItem().ShouldBe($"Commands:Definitions:0 ('shell'): Executable '{shell}' is a shell or interpreter and '{option}' would give it a command string; its first argument must be a script file.");
    }

    [Fact]
    public void Validate_RefusesAFileThatIsNotExecutable()
    {
        var file = Path.Combine(Path.GetTempPath(), $"ava-settings-{Guid.NewGuid():N}.txt");
        File.WriteAllText(file, "not a program\n");
        try
        {
            SettingsValidator.Validate(Settings(new TestDefinition("bad", file))).ShouldHaveSingleItem()
                .ShouldBe($"Commands:Definitions:0 ('bad'): Executable '{file}' is not executable.");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Validate_RefusesAShellWhoseFirstArgumentTheRequesterGives()
    {
        var errors = SettingsValidator.Validate(Settings(new TestDefinition("shell", "/bin/sh", [TestArgument.Open("script", ".*")])));

        errors.ShouldHaveSingleItem().ShouldContain("its first argument must be fixed to the absolute path of an existing script file");
    }

    [Fact]
    public void Validate_AcceptsAShellGivenAScriptFile()
    {
        var script = Path.Combine(Path.GetTempPath(), $"ava-settings-{Guid.NewGuid():N}.sh");
        File.WriteAllText(script, "echo hello\n");
        try
        {
            SettingsValidator.Validate(Settings(new TestDefinition("script", "/bin/sh", [TestArgument.Fixed(script), TestArgument.Open("name", "[a-z]+")]))).ShouldBeEmpty();
        }
        finally
        {
            File.Delete(script);
        }
    }

    [Fact]
    public void Validate_ListsEveryProblemOfEveryDefinition_EachNamingItsDefinition()
    {
        var configuration = Settings(
            new TestDefinition("good", "/usr/bin/du"),
            new TestDefinition("good", "/usr/bin/du"),
            new TestDefinition("Bad Name", "/usr/bin/du", [TestArgument.Open("value", "([a-z")], TimeoutSeconds: 0, Decision: "sometimes", WorkingDirectory: "relative/folder"));

        var errors = SettingsValidator.Validate(configuration);

        errors.ShouldContain("Commands:Definitions:1 ('good'): the name 'good' is used by an earlier definition; names must be unique.");
        errors.ShouldContain(e => e.StartsWith("Commands:Definitions:2 ('Bad Name'): Name is required", StringComparison.Ordinal));
        errors.ShouldContain(e => e.StartsWith("Commands:Definitions:2 ('Bad Name'): Arguments:0 (value) Pattern '([a-z' is not a valid regular expression", StringComparison.Ordinal));
        errors.ShouldContain("Commands:Definitions:2 ('Bad Name'): TimeoutSeconds 0 must be from 1 to 86400.");
        errors.ShouldContain("Commands:Definitions:2 ('Bad Name'): Decision 'sometimes' must be 'allow' or 'approval'.");
        errors.ShouldContain("Commands:Definitions:2 ('Bad Name'): WorkingDirectory 'relative/folder' must be an absolute path.");
    }

    [Fact]
    public void Validate_NamesTheSetting_WhenAValueIsNotANumber()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Commands:Definitions:0:Name"] = "du",
            ["Commands:Definitions:0:Executable"] = "/usr/bin/du",
            ["Commands:Definitions:0:TimeoutSeconds"] = "soon",
        }).Build();

        SettingsValidator.Validate(configuration).ShouldHaveSingleItem().ShouldBe("Commands:Definitions:0:TimeoutSeconds 'soon' must be a whole number.");
    }

    [Fact]
    public void Validate_RefusesADefaultThatItsOwnPatternRefuses()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
            new TestDefinition("tail", "/usr/bin/tail", [TestArgument.Open("lines", "[0-9]+")]).Settings(0).Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))
                .Append(new("Commands:Definitions:0:Arguments:0:Default", "all"))).Build();

        SettingsValidator.Validate(configuration).ShouldHaveSingleItem().ShouldBe("Commands:Definitions:0 ('tail'): Arguments:0 (lines) Default 'all' does not match its own Pattern.");
    }

    private static IConfiguration Settings(params TestDefinition[] definitions) =>
        new ConfigurationBuilder().AddInMemoryCollection(definitions.SelectMany((d, i) => d.Settings(i)).Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
}
