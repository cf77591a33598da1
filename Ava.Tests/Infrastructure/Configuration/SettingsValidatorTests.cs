using Ava.Infrastructure.Configuration;
using Microsoft.Extensions.Configuration;

namespace Ava.Tests.Infrastructure.Configuration;

public sealed class SettingsValidatorTests
{
    [Fact]
    public void Validate_ReturnsNoErrors_WhenEverySettingIsValid()
    {
        var configuration = Settings(new()
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:AutoMigrate"] = "true",
            ["ConnectionStrings:Ava"] = "Data Source=data/ava.db",
            ["Workflows:RetryAttempts"] = "3",
            ["Workflows:RetryDelaysSeconds:0"] = "60",
            ["Workflows:RetryDelaysSeconds:1"] = "120",
            ["Workflows:RetryDelaysSeconds:2"] = "240",
            ["Workflows:RunServer"] = "true",
            ["Api:RateLimit:PermitLimit"] = "30",
            ["Api:RateLimit:WindowSeconds"] = "60",
            ["Api:RateLimit:DecisionPermitLimit"] = "5",
        });

        SettingsValidator.Validate(configuration).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Approvals:ReadyThreshold", "1.5", "Approvals:ReadyThreshold '1.5' must be a number from 0.0 to 1.0.")]
    [InlineData("Approvals:ReviewThreshold", "0.8", "Approvals:ReviewThreshold (0.8) must not be above Approvals:ReadyThreshold (0.7).")]
    [InlineData("Approvals:AutoEscalationUrgency", "urgent", "Approvals:AutoEscalationUrgency 'urgent' must be Low, Medium, High or Critical.")]
    public void Validate_NamesTheApprovalSetting_WhenItIsOutOfRange(string key, string value, string message) =>
        SettingsValidator.Validate(Settings(new() { [key] = value })).ShouldHaveSingleItem().ShouldBe(message);

    [Fact]
    public void Validate_NamesTheProvider_WhenProviderIsUnknown()
    {
        var errors = SettingsValidator.Validate(Settings(new() { ["Database:Provider"] = "Oracle" }));

        errors.ShouldHaveSingleItem().ShouldStartWith("Database:Provider 'Oracle' is not supported");
    }

    [Fact]
    public void Validate_NamesTheConnectionString_WhenSqlServerHasNone()
    {
        var errors = SettingsValidator.Validate(Settings(new() { ["Database:Provider"] = "SqlServer" }));

        errors.ShouldHaveSingleItem().ShouldStartWith("ConnectionStrings:Ava is required when Database:Provider is 'SqlServer'");
    }

    [Theory]
    [InlineData("Workflows:RetryAttempts", "many")]
    [InlineData("Workflows:RetryAttempts", "-1")]
    [InlineData("Workflows:WorkerCount", "0")]
    [InlineData("Database:SqliteBusyTimeoutSeconds", "1.5")]
    [InlineData("Database:SqliteMemoryMapMegabytes", "lots")]
    [InlineData("Workflows:RetryDelaysSeconds:1", "soon")]
    [InlineData("Api:RateLimit:PermitLimit", "0")]
    [InlineData("Api:RateLimit:WindowSeconds", "a minute")]
    [InlineData("Api:RateLimit:DecisionPermitLimit", "-5")]
    public void Validate_NamesTheSettingAndItsValue_WhenANumberIsNotValid(string key, string value)
    {
        var errors = SettingsValidator.Validate(Settings(new() { [key] = value }));

        errors.ShouldHaveSingleItem().ShouldStartWith($"{key} '{value}' must be a whole number");
    }

    [Fact]
    public void Validate_NamesTheSetting_WhenAFlagIsNotTrueOrFalse()
    {
        var errors = SettingsValidator.Validate(Settings(new() { ["Database:AutoMigrate"] = "yes" }));

        errors.ShouldHaveSingleItem().ShouldBe("Database:AutoMigrate 'yes' must be true or false.");
    }

    [Fact]
    public void Validate_ReportsEveryError_WhenSeveralSettingsAreBad()
    {
        var errors = SettingsValidator.Validate(Settings(new()
        {
            ["Database:Provider"] = "Oracle",
            ["Workflows:RetryAttempts"] = "many",
            ["AVA_ADMIN_EMAIL"] = "not-an-email",
        }));

        errors.Count.ShouldBe(3);
        errors.ShouldContain(e => e.StartsWith("Database:Provider", StringComparison.Ordinal));
        errors.ShouldContain(e => e.StartsWith("Workflows:RetryAttempts", StringComparison.Ordinal));
        errors.ShouldContain(e => e.StartsWith("AVA_ADMIN_EMAIL", StringComparison.Ordinal));
    }

    private static IConfiguration Settings(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
