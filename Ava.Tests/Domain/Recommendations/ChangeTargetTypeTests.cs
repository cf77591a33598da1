using Ava.Domain.Common;
using Ava.Domain.Recommendations;

namespace Ava.Tests.Domain.Recommendations;

public sealed class ChangeTargetTypeTests
{
    [Theory]
    [InlineData("stream", "stream")]
    [InlineData("Stream", "stream")]
    [InlineData(" CODESTONE ", "codestone")]
    [InlineData("prompt_template", "prompt_template")]
    public void TryParse_ReadsANameInAnyCase_AsItsLowerCaseApiName(string text, string name)
    {
        ChangeTargetType.TryParse(text, out var type).ShouldBeTrue();

        type.Name.ShouldBe(name);
        type.ToString().ShouldBe(name);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("1stream")]
    [InlineData("stream type")]
    [InlineData("stream;drop")]
    [InlineData("a_name_that_is_longer_than_forty_characters")]
    public void TryParse_RefusesWhatCannotBeATypeName(string? text)
    {
        ChangeTargetType.TryParse(text, out _).ShouldBeFalse();
        if (text is not null)
        {
            Should.Throw<DomainException>(() => new ChangeTargetType(text));
        }
    }

    [Fact]
    public void Equality_IsByName_WhateverCaseItWasWrittenIn()
    {
        new ChangeTargetType("Stream").ShouldBe(ChangeTargetType.Stream);
        new ChangeTargetType("codestone").ShouldNotBe(ChangeTargetType.Stream);
    }
}
