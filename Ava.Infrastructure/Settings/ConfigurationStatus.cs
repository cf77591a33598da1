using System.Collections;
using System.Globalization;
using System.Reflection;
using Ava.Domain.Health;
using Ava.Domain.Security;
using Ava.Infrastructure.Configuration;
using Ava.Infrastructure.Health;
using Ava.Infrastructure.Persistence;
using Ava.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Ava.Infrastructure.Settings;

/// <summary>
/// A group of settings on the configuration status: a section bound to an options class (its properties and
/// their defaults), or loose keys. Each feature registers its own with <c>services.AddSingleton(new SettingGroup(…))</c>.
/// </summary>
public sealed record SettingGroup(string Title, string Section, Type? OptionsType, IReadOnlyList<string>? Keys = null);

/// <summary>Where a setting's effective value comes from.</summary>
public enum SettingSource
{
    Default,
    File,
    UserSecrets,
    Environment,
    CommandLine,

    /// <summary>Settings given in code by the host (tests, tools).</summary>
    Host,
}

/// <summary>One setting: its effective value (a secret only as set or not set) and where it came from.</summary>
public sealed record SettingStatus(string Key, string? Value, bool IsSecret, bool IsSet, SettingSource Source, string? SourceDetail);

public sealed record SettingGroupStatus(string Title, string Section, IReadOnlyList<SettingStatus> Settings);

/// <summary>An external dependency: its health as last sampled, or configured or not.</summary>
public sealed record DependencyStatus(string Name, HealthState? State, string? Description, DateTimeOffset? CheckedAt);

public sealed record ConfigurationReport(IReadOnlyList<SettingGroupStatus> Groups, IReadOnlyList<DependencyStatus> Dependencies);

/// <summary>The configuration status of the settings page and the API (modify_schemas).</summary>
public sealed class ConfigurationStatusService(
    IConfiguration configuration,
    IEnumerable<SettingGroup> groups,
    PermissionGuard guard,
    HealthQueries health,
    IDbContextFactory<AvaDbContext> contexts,
    IOptionsMonitor<AlertOptions> alerts)
{
    private static readonly string[] SecretNames = ["password", "secret", "token", "apikey", "connectionstring", "webhookurl"];

    public async Task<ConfigurationReport> GetAsync(CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(Permissions.ModifySchemas);
        var report = groups.Select(g => new SettingGroupStatus(g.Title, g.Section, SettingsOf(g).ToList())).ToList();
        var dependencies = (await health.LatestSamplesAsync(cancellationToken))
            .Select(s => new DependencyStatus(s.CheckName, s.State, s.Description, s.SampledAt))
            .ToList();
        dependencies.Add(await WebhookAsync(cancellationToken));
        return new ConfigurationReport(report, dependencies);
    }

    /// <summary>Whether a key holds a credential: its value is never shown, only whether it is set.</summary>
    public static bool IsSecret(string key)
    {
        var name = key.Split(':')[^1].Replace("_", "", StringComparison.Ordinal);
        return key.StartsWith("ConnectionStrings:", StringComparison.OrdinalIgnoreCase)
            || SecretNames.Any(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The provider that gives <paramref name="key"/> its value: the last one that has it (or a child of it).</summary>
    public static (SettingSource Source, string? Detail) SourceOf(IConfiguration configuration, string key)
    {
        if (configuration is not IConfigurationRoot root)
        {
            return (SettingSource.Host, null);
        }

        foreach (var provider in root.Providers.Reverse())
        {
            if (provider.TryGet(key, out _) || provider.GetChildKeys([], key).Any())
            {
                return Describe(provider);
            }
        }

        return (SettingSource.Default, null);
    }

    private IEnumerable<SettingStatus> SettingsOf(SettingGroup group)
    {
        if (group.OptionsType is null)
        {
            return (group.Keys ?? []).Select(k => Status(Key(group.Section, k), configuration[Key(group.Section, k)], configuration[Key(group.Section, k)] is not null));
        }

        // Unbound, the options class's own initial values are the defaults.
        var effective = configuration.GetSection(group.Section).Get(group.OptionsType) ?? Activator.CreateInstance(group.OptionsType)!;
        return Leaves(group.Section, group.OptionsType, effective);
    }

    private IEnumerable<SettingStatus> Leaves(string prefix, Type type, object? effective)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0))
        {
            var key = Key(prefix, property.Name);
            var value = effective is null ? null : property.GetValue(effective);
            if (IsLeaf(property.PropertyType))
            {
                yield return Status(key, Format(value), value is not null && (value is not string text || text.Length > 0));
                continue;
            }

            foreach (var leaf in Leaves(key, property.PropertyType, value))
            {
                yield return leaf;
            }
        }
    }

    private SettingStatus Status(string key, string? value, bool isSet)
    {
        var (source, detail) = SourceOf(configuration, key);
        var secret = IsSecret(key);
        return new SettingStatus(key, secret ? null : value, secret, isSet, source, detail);
    }

    private async Task<DependencyStatus> WebhookAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(alerts.CurrentValue.WebhookUrl))
        {
            return new DependencyStatus("alert-webhook", HealthState.NotConfigured, "Not configured: Alerts:WebhookUrl is not set.", null);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var last = await db.AlertNotifications.AsNoTracking().Where(n => n.Attempts > 0).OrderByDescending(n => n.Id)
            .Select(n => new { n.SentAt, n.LastError, n.CreatedAt }).FirstOrDefaultAsync(cancellationToken);
        return last is null
            ? new DependencyStatus("alert-webhook", HealthState.Healthy, "Configured; nothing has been sent yet.", null)
            : last.SentAt is { } sent
                ? new DependencyStatus("alert-webhook", HealthState.Healthy, "The last message was delivered.", sent)
                : new DependencyStatus("alert-webhook", HealthState.Degraded, $"The last delivery failed: {last.LastError}", last.CreatedAt);
    }

    private static bool IsLeaf(Type type)
    {
        var inner = Nullable.GetUnderlyingType(type) ?? type;
        return inner.IsPrimitive || inner.IsEnum || inner == typeof(string) || inner == typeof(decimal) || typeof(IEnumerable).IsAssignableFrom(inner);
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        string text => text,
        bool flag => flag ? "true" : "false",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items when items.Cast<object?>().ToList() is var list =>
            list.All(i => i is string || i is IFormattable) ? $"[{string.Join(", ", list.Select(Format))}]" : $"{list.Count} item(s)",
        _ => value.ToString(),
    };

    private static string Key(string prefix, string name) => string.IsNullOrEmpty(prefix) ? name : $"{prefix}:{name}";

    private static (SettingSource, string?) Describe(IConfigurationProvider provider) => provider switch
    {
        FileConfigurationProvider file when file.Source.Path?.EndsWith("secrets.json", StringComparison.OrdinalIgnoreCase) == true => (SettingSource.UserSecrets, null),
        FileConfigurationProvider file => (SettingSource.File, Path.GetFileName(file.Source.Path)),
        Microsoft.Extensions.Configuration.EnvironmentVariables.EnvironmentVariablesConfigurationProvider => (SettingSource.Environment, null),
        Microsoft.Extensions.Configuration.CommandLine.CommandLineConfigurationProvider => (SettingSource.CommandLine, null),
        _ => (SettingSource.Host, provider.GetType().Name.Replace("ConfigurationProvider", "", StringComparison.Ordinal)),
    };
}
