using Ava.Infrastructure.Configuration;
using Microsoft.Extensions.Configuration;

namespace Ava.Tests.Infrastructure.Ai;

public sealed class AiSettingsValidatorTests
{
    [Fact]
    public void Validate_AcceptsTheOfflineDefault_WhenNothingIsConfigured() =>
        SettingsValidator.Validate(Settings([])).ShouldBeEmpty();

    [Theory]
    [InlineData("Ai:Provider", "Claude", "Ai:Provider 'Claude' is not supported; use 'Offline', 'AzureOpenAI' or 'OpenAI'.")]
    [InlineData("Ai:TimeoutSeconds", "0", "Ai:TimeoutSeconds '0' must be a whole number from 1 to 600.")]
    [InlineData("Ai:MaxRetries", "20", "Ai:MaxRetries '20' must be a whole number from 0 to 10.")]
    [InlineData("Ai:RateLimit:PermitLimit", "none", "Ai:RateLimit:PermitLimit 'none' must be a whole number from 1 to 100000.")]
    [InlineData("Ai:Screening:FlagThreshold", "1.5", "Ai:Screening:FlagThreshold '1.5' must be a number above 0.0 and at most 1.0.")]
    public void Validate_NamesTheAiSetting_WhenItIsOutOfRange(string key, string value, string message) =>
        SettingsValidator.Validate(Settings(new() { [key] = value })).ShouldHaveSingleItem().ShouldBe(message);

    [Fact]
    public void Validate_NamesTheMissingAzureSettings_WhenAzureIsChosen()
    {
        var errors = SettingsValidator.Validate(Settings(new() { ["Ai:Provider"] = "AzureOpenAI" }));

        errors.Count.ShouldBe(2);
        errors.ShouldContain(e => e.StartsWith("Ai:AzureOpenAI:Endpoint is required", StringComparison.Ordinal));
        errors.ShouldContain(e => e.StartsWith("Ai:AzureOpenAI:Deployment is required", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_NeedsAModelAndAKeyOrAnEndpoint_WhenOpenAIIsChosen()
    {
        var errors = SettingsValidator.Validate(Settings(new() { ["Ai:Provider"] = "openai" }));

        errors.ShouldContain(e => e.StartsWith("Ai:OpenAI:Model is required", StringComparison.Ordinal));
        errors.ShouldContain(e => e.StartsWith("Ai:OpenAI:ApiKey is required for the public OpenAI API", StringComparison.Ordinal));
        SettingsValidator.Validate(Settings(new() { ["Ai:Provider"] = "OpenAI", ["Ai:OpenAI:Endpoint"] = "http://localhost:11434/v1", ["Ai:OpenAI:Model"] = "llama3.2" })).ShouldBeEmpty();
    }

    [Fact]
    public void Validate_NeverRepeatsTheKey_WhenAnEndpointIsWrong()
    {
        var errors = SettingsValidator.Validate(Settings(new()
        {
            ["Ai:Provider"] = "AzureOpenAI", ["Ai:AzureOpenAI:Endpoint"] = "not a url", ["Ai:AzureOpenAI:Deployment"] = "gpt-4o", ["Ai:AzureOpenAI:ApiKey"] = "super-secret-key-123",
        }));

        errors.ShouldHaveSingleItem().ShouldBe("Ai:AzureOpenAI:Endpoint 'not a url' must be an absolute http:// or https:// address without credentials in it.");
        errors.ShouldNotContain(e => e.Contains("super-secret-key-123", StringComparison.Ordinal));
    }

    private static IConfiguration Settings(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
