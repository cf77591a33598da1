using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Ava.Tests.Web;

/// <summary>The rendered text of every log entry an app instance wrote through <see cref="ILogger"/>.</summary>
public sealed class CapturedLog
{
    private readonly ConcurrentQueue<string> _entries = new();

    public IReadOnlyList<string> Entries => [.. _entries];

    internal void Add(string entry) => _entries.Enqueue(entry);
}

internal static class LogCapture
{
    /// <summary>
    /// Wraps the app's logger factory (Serilog's) so that every entry is also recorded, with its
    /// message, all of its structured values and its exception, before the app's own levels filter it.
    /// </summary>
    public static void CaptureLogsInto(this IServiceCollection services, CapturedLog log)
    {
        var original = services.Last(d => d.ServiceType == typeof(ILoggerFactory));
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(sp =>
            new CapturingLoggerFactory(Resolve(original, sp), log)));
    }

    private static ILoggerFactory Resolve(ServiceDescriptor descriptor, IServiceProvider services) =>
        (ILoggerFactory)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));

    private sealed class CapturingLoggerFactory(ILoggerFactory inner, CapturedLog log) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => new CapturingLogger(inner.CreateLogger(categoryName), categoryName, log);

        public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

        public void Dispose() => inner.Dispose();
    }

    private sealed class CapturingLogger(ILogger inner, string category, CapturedLog log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}"))
                : "";
            log.Add($"[{logLevel}] {category}: {formatter(state, exception)} {{{values}}} {exception}");
            if (inner.IsEnabled(logLevel))
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }
}
