using System.Text.Json;
using Ava.Domain.Prompts;
using Ava.Infrastructure.Ai;

namespace Ava.Tests.Infrastructure.Ai;

/// <summary>The run pipeline's pure parts: wrapping, budgeting and validation.</summary>
public sealed class PipelinePartsTests
{
    private const string Model = "gpt-4o";

    [Fact]
    public void Sanitize_RemovesInvisibleAndControlCharacters_AndKeepsLineBreaksAndTabs()
    {
        var text = "a\u200Bb\u202Ec\u0007d\te\r\nf\U000E0041g";

        UntrustedContent.Sanitize(text).ShouldBe("abcd\te\nfg");
    }

    [Fact]
    public void Wrap_CarriesTheRequestToken_OnBothMarkers()
    {
        var token = UntrustedContent.NewToken();

        var wrapped = UntrustedContent.Wrap(new UntrustedItem("x", "stream:7", "t", "body"), token, "body");

        wrapped.ShouldStartWith($"<<<UNTRUSTED_CONTENT token={token} source=stream:7>>>\n");
        wrapped.ShouldEndWith($"\n<<<END_UNTRUSTED_CONTENT token={token}>>>");
        UntrustedContent.NewToken().ShouldNotBe(token);
    }

    [Fact]
    public void Fit_DropsTheLowestPriorityFirst_AndKeepsTheOriginalOrder()
    {
        var filler = string.Join(' ', Enumerable.Repeat("word", 300));
        var items = new[]
        {
            new UntrustedItem("s", "low", "low", filler, Priority: 1),
            new UntrustedItem("s", "high", "high", filler, Priority: 20),
            new UntrustedItem("s", "mid", "mid", filler, Priority: 10),
        };

        var fitted = ContextBudget.Fit(Model, budget: 700, instructionTokens: 100, items, "t0k3n")!;

        fitted.Included.Select(i => i.Item.Id).ShouldBe(["high", "mid"]);
        fitted.Included.Single(i => i.Item.Id == "mid").Truncated.ShouldBeTrue();
        fitted.Dropped.Select(i => i.Id).ShouldBe(["low"]);
        fitted.TotalTokens.ShouldBeLessThanOrEqualTo(700);
    }

    [Fact]
    public void Fit_RefusesNothingButReportsIt_WhenTheInstructionsAloneExceedTheBudget() =>
        ContextBudget.Fit(Model, budget: 500, instructionTokens: 501, [], "t").ShouldBeNull();

    [Fact]
    public void Count_FallsBackToO200k_WhenTheModelIsUnknown() =>
        TokenCounter.Count("llama3.2", "hello world").ShouldBe(TokenCounter.Count("gpt-4o", "hello world"));

    [Fact]
    public void Validate_ReadsJsonFromAFencedBlock_WhenTheAnswerHasProseAround()
    {
        var answer = "Here is the review:\n```json\n{\"security_score\": 7}\n```\nThanks!";

        var result = OutputValidator.Validate(answer, PromptValidation.ForJson("""{"type":"object","required":["security_score"]}"""));

        result.IsValid.ShouldBeTrue();
        result.Json!.Value.GetProperty("security_score").GetInt32().ShouldBe(7);
    }

    [Fact]
    public void Validate_NamesEveryFailingField_WhenTheJsonBreaksTheSchema()
    {
        const string schema = """{"type":"object","required":["a","b"],"properties":{"a":{"type":"number","maximum":10},"b":{"type":"string"}}}""";

        var result = OutputValidator.Validate("""{"a": 11}""", PromptValidation.ForJson(schema));

        result.IsValid.ShouldBeFalse();
        result.Errors.ShouldContain(e => e.StartsWith("/a:", StringComparison.Ordinal) && e.Contains("10", StringComparison.Ordinal));
        result.Errors.ShouldContain(e => e.StartsWith("(root):", StringComparison.Ordinal) && e.Contains('b', StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_SaysTheAnswerIsNotJson_WhenItIsMalformed()
    {
        var result = OutputValidator.Validate("{\"a\": 1,,}", PromptValidation.ForJson("{}"));

        result.Errors.Single().ShouldStartWith("The answer is not valid JSON");
    }

    [Fact]
    public void Validate_ListsMissingSectionsAndLength_WhenTextBreaksTheRules()
    {
        var rules = PromptValidation.ForText(200, 3000, ["Executive Summary", "Key Themes"]);

        var result = OutputValidator.Validate("## Executive Summary\nShort.", rules);

        result.Errors.ShouldContain(e => e.Contains("at least 200", StringComparison.Ordinal));
        result.Errors.ShouldContain(e => e.Contains("\"Key Themes\"", StringComparison.Ordinal));
        result.Errors.ShouldNotContain(e => e.Contains("\"Executive Summary\"", StringComparison.Ordinal));
    }

    [Fact]
    public void ExtractJson_TakesTheObject_WhenTheAnswerWrapsItInAsentence() =>
        JsonDocument.Parse(OutputValidator.ExtractJson("The result is {\"x\": 1} as asked.")).RootElement.GetProperty("x").GetInt32().ShouldBe(1);
}
