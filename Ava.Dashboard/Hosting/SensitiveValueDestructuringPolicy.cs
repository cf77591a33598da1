using System.Diagnostics.CodeAnalysis;
using Serilog.Core;
using Serilog.Events;

namespace Ava.Dashboard.Hosting;

/// <summary>
/// A logged object never carries a secret: properties named like passwords, keys, tokens,
/// secrets or connection strings are written as "***".
/// </summary>
internal sealed class SensitiveValueDestructuringPolicy : IDestructuringPolicy
{
    private static readonly string[] SensitiveNames = ["password", "secret", "token", "apikey", "key", "connectionstring"];

    public bool TryDestructure(object value, ILogEventPropertyValueFactory propertyValueFactory, [NotNullWhen(true)] out LogEventPropertyValue? result)
    {
        var type = value.GetType();
        if (type.IsPrimitive || value is string || type.IsEnum || !type.IsClass || value is System.Collections.IEnumerable)
        {
            result = null;
            return false;
        }

        var properties = type.GetProperties()
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .Select(p => new LogEventProperty(p.Name, IsSensitive(p.Name)
                ? new ScalarValue("***")
                : propertyValueFactory.CreatePropertyValue(SafeGet(p, value), destructureObjects: false)));
        result = new StructureValue(properties, type.Name);
        return true;
    }

    internal static bool IsSensitive(string name) =>
        SensitiveNames.Any(s => name.Contains(s, StringComparison.OrdinalIgnoreCase));

    private static object? SafeGet(System.Reflection.PropertyInfo property, object value)
    {
        try
        {
            return property.GetValue(value);
        }
        catch (System.Reflection.TargetInvocationException)
        {
            return null;
        }
    }
}
