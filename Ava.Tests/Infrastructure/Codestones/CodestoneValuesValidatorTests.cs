using Ava.Domain.Codestones;
using Ava.Infrastructure.Codestones;

namespace Ava.Tests.Infrastructure.Codestones;

public class CodestoneValuesValidatorTests
{
    private static readonly CodestoneValuesValidator Validator = new();

    private static readonly CodestoneValues Valid = new("Retry with backoff", CodeLanguage.Python, "print('hi')", null, ReviewStatus.Draft, null);

    [Theory]
    [InlineData(4, false)]
    [InlineData(5, true)]
    [InlineData(200, true)]
    [InlineData(201, false)]
    public void Title_MustBeFiveToTwoHundredCharacters(int length, bool valid)
    {
        Validator.Validate(Valid with { Title = new string('t', length) }).IsValid.ShouldBe(valid);
    }

    [Theory]
    [InlineData("https://github.com/ava-prime/sync-daemon", true)]
    [InlineData("https://github.com/ava-prime/sync-daemon/blob/main/src/retry.py", true)]
    [InlineData("http://github.com/ava-prime/sync-daemon", false)]
    [InlineData("https://gitlab.com/ava-prime/sync-daemon", false)]
    [InlineData("https://github.com/ava-prime", false)]
    [InlineData("https://github.com.evil.example/a/b", false)]
    [InlineData("javascript:alert(1)", false)]
    public void GitHubUrl_MustPointIntoARepository(string url, bool valid)
    {
        var result = Validator.Validate(Valid with { GitHubUrl = url });

        result.IsValid.ShouldBe(valid);
        if (!valid)
        {
            result.Errors.Single().ErrorMessage.ShouldBe("GitHub link must look like https://github.com/{owner}/{repo}, optionally followed by a path.");
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void GitHubUrl_IsOptional(string? url)
    {
        Validator.Validate(Valid with { GitHubUrl = url }).IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n ")]
    public void Code_IsRequired(string code)
    {
        Validator.Validate(Valid with { Code = code }).Errors.Select(e => e.ErrorMessage).ShouldBe(["Code is required."]);
    }

    [Theory]
    [InlineData(-0.5, false)]
    [InlineData(0.0, true)]
    [InlineData(1.0, true)]
    [InlineData(1.5, false)]
    public void EclScore_MustBeBetweenZeroAndOne(double ecl, bool valid)
    {
        Validator.Validate(Valid with { EclScore = ecl }).IsValid.ShouldBe(valid);
    }

    [Fact]
    public void Language_And_ReviewStatus_MustBeKnownValues()
    {
        Validator.Validate(Valid with { Language = (CodeLanguage)42, ReviewStatus = (ReviewStatus)42 }).Errors.Count.ShouldBe(2);
    }
}
