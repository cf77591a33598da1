namespace Ava.Infrastructure.Configuration;

/// <summary>
/// First-run and demo settings. The passwords come from the environment
/// (<c>AVA_ADMIN_PASSWORD</c>, <c>AVA_DEMO_PASSWORD</c>) or user secrets, never from appsettings.json.
/// </summary>
public sealed class BootstrapOptions
{
    public string? AdminEmail { get; set; }

    public string? AdminPassword { get; set; }

    public bool Demo { get; set; }

    public string? DemoPassword { get; set; }

    public static BootstrapOptions From(Microsoft.Extensions.Configuration.IConfiguration configuration) => new()
    {
        AdminEmail = NullIfBlank(configuration["AVA_ADMIN_EMAIL"]),
        AdminPassword = NullIfBlank(configuration["AVA_ADMIN_PASSWORD"]),
        DemoPassword = NullIfBlank(configuration["AVA_DEMO_PASSWORD"]),
        Demo = IsTrue(configuration["Demo:Enabled"]) || IsTrue(configuration["AVA_DEMO"]),
    };

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool IsTrue(string? value) =>
        value is not null && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase));
}
