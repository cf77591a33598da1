using System.Text.RegularExpressions;
using Ava.Domain.Commands;
using Ava.Infrastructure.Commands;

namespace Ava.Tests.Infrastructure.Commands;

public sealed class CommandPolicyTests
{
    private static readonly CommandDefinition Tail = new(
        "tail", "", "/usr/bin/tail",
        [
            new CommandArgument(0, "--lines", null, null, null, null),
            new CommandArgument(1, null, "lines", Pattern("[0-9]{1,3}"), null, null) { PatternText = "[0-9]{1,3}" },
            new CommandArgument(2, null, "file", Pattern(@"[a-z0-9/-]+\.log"), null, null) { PatternText = @"[a-z0-9/-]+\.log" },
        ],
        "/", TimeSpan.FromSeconds(5), 1024, [], CommandDecision.Allow, new ResourceLimits(5, 64, 4));

    [Fact]
    public void Check_Accepts_WhenEveryValueMatchesItsPatternInFull()
    {
        var check = CommandPolicy.Check(Tail, ["50", "logs/app.log"]);

        check.IsValid.ShouldBeTrue();
        Tail.ArgumentListFor(["50", "logs/app.log"]).ShouldBe(["--lines", "50", "logs/app.log"]);
    }

    [Theory]
    [InlineData("5000", "logs/app.log", "arguments[0]", "lines '5000' does not match its pattern [0-9]{1,3}.")]
    [InlineData("50", "logs/app.log\n", "arguments[1]", "file contains a control character (such as a newline); it is refused.")]
    [InlineData("50", "logs/../secret.log", "arguments[1]", "file climbs out of a folder with '..'; it is refused.")]
    [InlineData("50", "app.log.txt", "arguments[1]", "file 'app.log.txt' does not match its pattern [a-z0-9/-]+\\.log.")]
    [InlineData("5\t0", "app.log", "arguments[0]", "lines contains a control character (such as a newline); it is refused.")]
    public void Check_NamesTheRefusedValue_AndWhy(string lines, string file, string key, string message)
    {
        var check = CommandPolicy.Check(Tail, [lines, file]);

        check.Errors.ShouldHaveSingleItem().Key.ShouldBe(key);
        check.Errors[key].ShouldBe([message]);
    }

    [Fact]
    public void Check_RefusesAMissingOrOverlongValue()
    {
        CommandPolicy.Check(Tail, ["50", null]).Errors["arguments[1]"].ShouldBe(["file is required."]);
        CommandPolicy.Check(Tail, [new string('1', CommandPolicy.MaxArgumentLength + 1), "a.log"]).Errors["arguments[0]"]
            .ShouldBe([$"lines is longer than {CommandPolicy.MaxArgumentLength} characters."]);
    }

    private static Regex Pattern(string pattern) => new($@"\A(?:{pattern})\z", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
}
