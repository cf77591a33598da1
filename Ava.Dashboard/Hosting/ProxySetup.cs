using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Ava.Dashboard.Hosting;

/// <summary>The reverse proxies (a TLS-terminating load balancer, nginx) whose forwarded headers the app trusts.</summary>
public sealed class ProxyOptions
{
    public const string Section = "Proxy";

    /// <summary>Addresses of trusted proxies, e.g. <c>10.0.0.5</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation, e.g. <c>10.0.0.0/24</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    public bool IsConfigured => KnownProxies.Length > 0 || KnownNetworks.Length > 0;
}

internal static class ProxySetup
{
    /// <summary>
    /// Trusts <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> from the configured proxies only (none
    /// by default, and not even loopback), so the client's own address drives rate limits, lockouts and
    /// logs, and the original scheme drives secure cookies, HSTS and the CSP. <c>X-Forwarded-Host</c> is
    /// never trusted.
    /// </summary>
    public static IServiceCollection AddReverseProxySupport(this IServiceCollection services, IConfiguration configuration)
    {
        var proxy = configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new ProxyOptions();
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            // With no proxy configured nothing is forwarded: the middleware would otherwise trust every sender.
            options.ForwardedHeaders = proxy.IsConfigured ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto : ForwardedHeaders.None;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            options.ForwardLimit = 1;
            foreach (var address in proxy.KnownProxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(address));
            }

            foreach (var network in proxy.KnownNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return services;
    }

    /// <summary>Why a proxy setting cannot be read, naming it; null when all are valid.</summary>
    public static string? Validate(ProxyOptions proxy)
    {
        foreach (var address in proxy.KnownProxies)
        {
            if (!IPAddress.TryParse(address, out _))
            {
                return $"Proxy:KnownProxies: '{address}' is not an IP address.";
            }
        }

        foreach (var network in proxy.KnownNetworks)
        {
            if (!System.Net.IPNetwork.TryParse(network, out _))
            {
                return $"Proxy:KnownNetworks: '{network}' is not a network in CIDR notation (such as 10.0.0.0/24).";
            }
        }

        return null;
    }
}
