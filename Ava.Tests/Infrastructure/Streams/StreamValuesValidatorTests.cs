using Ava.Domain.Streams;
using Ava.Infrastructure.Streams;

namespace Ava.Tests.Infrastructure.Streams;

public class StreamValuesValidatorTests
{
    private static readonly StreamValuesValidator Validator = new();

    private static readonly StreamValues Valid = new("Rate limiter drops bursts", StreamSource.Claude, StreamStatus.Raw, StreamPriority.Normal, "# Notes", 0.5, ["api", "performance"]);

    [Theory]
    [InlineData(4, false)]
    [InlineData(5, true)]
    [InlineData(200, true)]
    [InlineData(201, false)]
    public void Title_MustBeFiveToTwoHundredCharacters(int length, bool valid)
    {
        var result = Validator.Validate(Valid with { Title = new string('t', length) });

        result.IsValid.ShouldBe(valid);
        if (!valid)
        {
            result.Errors.Single().ErrorMessage.ShouldBe($"Title must be 5 to 200 characters; it has {length}.");
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Title_IsRequired(string title)
    {
        var result = Validator.Validate(Valid with { Title = title });

        result.Errors.Select(e => e.ErrorMessage).ShouldBe(["Title is required."]);
    }

    [Fact]
    public void Title_IsMeasuredWithoutSurroundingSpaces()
    {
        Validator.Validate(Valid with { Title = "  abcd  " }).IsValid.ShouldBeFalse();
    }

    [Theory]
    [InlineData(-0.01, false)]
    [InlineData(0.0, true)]
    [InlineData(1.0, true)]
    [InlineData(1.01, false)]
    public void EclScore_MustBeBetweenZeroAndOne(double ecl, bool valid)
    {
        var result = Validator.Validate(Valid with { EclScore = ecl });

        result.IsValid.ShouldBe(valid);
        if (!valid)
        {
            result.Errors.Single().ErrorMessage.ShouldBe("ECL score must be between 0.0 and 1.0.");
        }
    }

    [Fact]
    public void EclScore_IsOptional()
    {
        Validator.Validate(Valid with { EclScore = null }).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Source_Status_Priority_MustBeKnownValues()
    {
        var result = Validator.Validate(Valid with { Source = (StreamSource)99, Status = (StreamStatus)99, Priority = (StreamPriority)99 });

        result.Errors.Select(e => e.ErrorMessage).ShouldBe(
        [
            "Source must be one of Claude, ChatGPT, GitHub, Manual or Automated.",
            "Status must be Raw, Refined or Archived.",
            "Priority must be Now, High, Normal or Low.",
        ], ignoreOrder: true);
    }

    [Theory]
    [InlineData(20_000, true)]
    [InlineData(20_001, false)]
    public void Summary_IsAtMostTwentyThousandCharacters(int length, bool valid)
    {
        Validator.Validate(Valid with { Summary = new string('s', length) }).IsValid.ShouldBe(valid);
    }

    [Theory]
    [InlineData(12, true)]
    [InlineData(13, false)]
    public void Tags_AreAtMostTwelve(int count, bool valid)
    {
        var tags = Enumerable.Range(1, count).Select(i => $"tag{i}").ToList();

        Validator.Validate(Valid with { Tags = tags }).IsValid.ShouldBe(valid);
    }

    [Theory]
    [InlineData("security", true)]
    [InlineData("c#", true)]
    [InlineData("two words", false)]
    [InlineData("<script>", false)]
    [InlineData("0123456789012345678901234567890123456789", true)]
    [InlineData("01234567890123456789012345678901234567890", false)]
    public void Tags_AreSingleShortWords(string tag, bool valid)
    {
        Validator.Validate(Valid with { Tags = [tag] }).IsValid.ShouldBe(valid);
    }

    [Fact]
    public void Tags_CountDuplicatesOnce()
    {
        var tags = Enumerable.Repeat("api", 20).ToList();

        Validator.Validate(Valid with { Tags = tags }).IsValid.ShouldBeTrue();
    }
}
