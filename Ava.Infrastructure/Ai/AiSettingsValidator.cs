using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Ava.Infrastructure.Ai;

/// <summary>The <c>Ai</c> section's checks for start-up: every message names the setting, never a key's value.</summary>
public static class AiSettingsValidator
{
    public static IEnumerable<string> Validate(IConfiguration configuration)
    {
        var errors = new List<string>();
        var section = AiOptions.Section;
        var providerText = configuration[$"{section}:Provider"];
        var provider = AiProviderKind.Offline;
        if (!string.IsNullOrWhiteSpace(providerText) &&
            (int.TryParse(providerText, out _) || !Enum.TryParse(providerText, ignoreCase: true, out provider)))
        {
            errors.Add($"{section}:Provider '{providerText}' is not supported; use 'Offline', 'AzureOpenAI' or 'OpenAI'.");
            return errors;
        }

        CheckInt(configuration, $"{section}:TimeoutSeconds", 1, 600, errors);
        CheckInt(configuration, $"{section}:MaxRetries", 0, 10, errors);
        CheckInt(configuration, $"{section}:RateLimit:PermitLimit", 1, 100_000, errors);
        CheckInt(configuration, $"{section}:RateLimit:WindowSeconds", 1, 86_400, errors);
        var threshold = configuration[$"{section}:Screening:FlagThreshold"];
        if (threshold is not null && (!double.TryParse(threshold, NumberStyles.Float, CultureInfo.InvariantCulture, out var t) || t is <= 0 or > 1))
        {
            errors.Add($"{section}:Screening:FlagThreshold '{threshold}' must be a number above 0.0 and at most 1.0.");
        }

        if (provider == AiProviderKind.AzureOpenAI)
        {
            CheckUrl(configuration, $"{section}:AzureOpenAI:Endpoint", required: true, errors);
            if (string.IsNullOrWhiteSpace(configuration[$"{section}:AzureOpenAI:Deployment"]))
            {
                errors.Add($"{section}:AzureOpenAI:Deployment is required when {section}:Provider is 'AzureOpenAI' (the deployment name, e.g. set Ai__AzureOpenAI__Deployment).");
            }
        }
        else if (provider == AiProviderKind.OpenAI)
        {
            CheckUrl(configuration, $"{section}:OpenAI:Endpoint", required: false, errors);
            if (string.IsNullOrWhiteSpace(configuration[$"{section}:OpenAI:Model"]))
            {
                errors.Add($"{section}:OpenAI:Model is required when {section}:Provider is 'OpenAI' (e.g. set Ai__OpenAI__Model=gpt-4o-mini).");
            }

            if (string.IsNullOrWhiteSpace(configuration[$"{section}:OpenAI:Endpoint"]) && string.IsNullOrWhiteSpace(configuration[$"{section}:OpenAI:ApiKey"]))
            {
                errors.Add($"{section}:OpenAI:ApiKey is required for the public OpenAI API (set Ai__OpenAI__ApiKey in the environment or user secrets), or set {section}:OpenAI:Endpoint to a local server.");
            }
        }

        return errors;
    }

    private static void CheckUrl(IConfiguration configuration, string key, bool required, List<string> errors)
    {
        var value = configuration[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add($"{key} is required (an absolute https:// address; set {key.Replace(":", "__", StringComparison.Ordinal)}).");
            }

            return;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            errors.Add($"{key} '{value}' must be an absolute http:// or https:// address without credentials in it.");
        }
    }

    private static void CheckInt(IConfiguration configuration, string key, int min, int max, List<string> errors)
    {
        var value = configuration[key];
        if (value is not null && (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) || number < min || number > max))
        {
            errors.Add($"{key} '{value}' must be a whole number from {min} to {max}.");
        }
    }
}
