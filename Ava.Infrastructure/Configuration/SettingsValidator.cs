using System.Globalization;
using Ava.Infrastructure.Commands;
using Microsoft.Extensions.Configuration;

namespace Ava.Infrastructure.Configuration;

/// <summary>
/// Checks the configuration before anything is built, so a bad setting stops the start with a
/// message that names it instead of a stack trace from deep inside a provider.
/// </summary>
public static class SettingsValidator
{
    public static IReadOnlyList<string> Validate(IConfiguration configuration)
    {
        var errors = new List<string>();

        var providerText = configuration[$"{DatabaseOptions.Section}:Provider"];
        DatabaseProvider? provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(providerText))
        {
            provider = Enum.TryParse<DatabaseProvider>(providerText, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                ? parsed
                : null;
            if (provider is null)
            {
                errors.Add($"Database:Provider '{providerText}' is not supported; use 'Sqlite' or 'SqlServer'.");
            }
        }

        var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        if (provider == DatabaseProvider.SqlServer && string.IsNullOrWhiteSpace(connectionString))
        {
            errors.Add("ConnectionStrings:Ava is required when Database:Provider is 'SqlServer' (set the ConnectionStrings__Ava environment variable).");
        }

        CheckInt(configuration, $"{DatabaseOptions.Section}:SqliteBusyTimeoutSeconds", 1, 600, errors);
        CheckInt(configuration, $"{DatabaseOptions.Section}:SqliteMemoryMapMegabytes", 0, 65_536, errors);
        CheckBool(configuration, $"{DatabaseOptions.Section}:AutoMigrate", errors);
        CheckBool(configuration, $"{WorkflowOptions.Section}:RunServer", errors);
        CheckInt(configuration, $"{WorkflowOptions.Section}:RetryAttempts", 0, 20, errors);
        CheckInt(configuration, $"{WorkflowOptions.Section}:WorkerCount", 1, 64, errors);
        CheckInt(configuration, $"{WorkflowOptions.Section}:RunRetentionDays", 1, 3650, errors);
        CheckInt(configuration, $"{WorkflowOptions.Section}:ArchiveAfterDays", 1, 3650, errors);
        CheckInt(configuration, "Api:RateLimit:PermitLimit", 1, 1_000_000, errors);
        CheckInt(configuration, "Api:RateLimit:WindowSeconds", 1, 3600, errors);
        CheckInt(configuration, "Api:RateLimit:DecisionPermitLimit", 1, 1_000_000, errors);
        CheckInt(configuration, "Api:RateLimit:RefusedTokenLimit", 1, 1_000_000, errors);

        foreach (var child in configuration.GetSection($"{WorkflowOptions.Section}:RetryDelaysSeconds").GetChildren())
        {
            if (!int.TryParse(child.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var delay) || delay < 0)
            {
                errors.Add($"Workflows:RetryDelaysSeconds:{child.Key} '{child.Value}' must be a whole number of seconds, 0 or more.");
            }
        }

        var checkpointKey = configuration[$"{AuditOptions.Section}:CheckpointKey"];
        if (!string.IsNullOrEmpty(checkpointKey) && checkpointKey.Length < AuditOptions.MinimumKeyLength)
        {
            errors.Add($"Audit:CheckpointKey must be at least {AuditOptions.MinimumKeyLength} characters (for example the output of 'openssl rand -base64 48').");
        }

        CheckApprovals(configuration, errors);
        errors.AddRange(BriefingOptions.Problems(configuration[$"{BriefingOptions.Section}:Cron"], configuration[$"{BriefingOptions.Section}:TimeZone"]));
        errors.AddRange(Ai.AiSettingsValidator.Validate(configuration));
        errors.AddRange(CommandSettings.Validate(configuration));
        errors.AddRange(OperationsSettingsValidator.Validate(configuration));

        var adminEmail = configuration["AVA_ADMIN_EMAIL"];
        if (!string.IsNullOrWhiteSpace(adminEmail) && !adminEmail.Contains('@', StringComparison.Ordinal))
        {
            errors.Add($"AVA_ADMIN_EMAIL '{adminEmail}' is not an email address.");
        }

        return errors;
    }

    private static void CheckApprovals(IConfiguration configuration, List<string> errors)
    {
        var section = ApprovalOptions.Section;
        var ready = CheckFraction(configuration, $"{section}:ReadyThreshold", errors);
        var review = CheckFraction(configuration, $"{section}:ReviewThreshold", errors);
        if (ready is not null || review is not null)
        {
            var defaults = new ApprovalOptions();
            if ((review ?? defaults.ReviewThreshold) > (ready ?? defaults.ReadyThreshold))
            {
                errors.Add($"{section}:ReviewThreshold ({review ?? defaults.ReviewThreshold}) must not be above {section}:ReadyThreshold ({ready ?? defaults.ReadyThreshold}).");
            }
        }

        var urgency = configuration[$"{section}:AutoEscalationUrgency"];
        if (urgency is not null && (int.TryParse(urgency, out _) || !Enum.TryParse<Ava.Domain.Recommendations.EscalationUrgency>(urgency, ignoreCase: true, out _)))
        {
            errors.Add($"{section}:AutoEscalationUrgency '{urgency}' must be Low, Medium, High or Critical.");
        }
    }

    private static double? CheckFraction(IConfiguration configuration, string key, List<string> errors)
    {
        var value = configuration[key];
        if (value is null)
        {
            return null;
        }

        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || number is < 0 or > 1)
        {
            errors.Add($"{key} '{value}' must be a number from 0.0 to 1.0.");
            return null;
        }

        return number;
    }

    private static void CheckInt(IConfiguration configuration, string key, int min, int max, List<string> errors)
    {
        var value = configuration[key];
        if (value is null)
        {
            return;
        }

        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
        {
            errors.Add($"{key} '{value}' must be a whole number from {min} to {max}.");
        }
    }

    private static void CheckBool(IConfiguration configuration, string key, List<string> errors)
    {
        var value = configuration[key];
        if (value is not null && !bool.TryParse(value, out _))
        {
            errors.Add($"{key} '{value}' must be true or false.");
        }
    }
}
