using System.Net;
using System.Text.RegularExpressions;

namespace Ava.Benchmarks.Circuits;

/// <summary>
/// Signs in through the dashboard's own sign-in form over plain HTTP, as a browser without JavaScript would:
/// GET the form (its antiforgery cookie and hidden fields), POST the email and password with them, and keep the
/// session cookie the redirect sets.
/// </summary>
internal static partial class SessionCookie
{
    /// <returns>The <c>Cookie</c> header value a signed-in browser would send.</returns>
    public static async Task<string> SignInAsync(Uri baseUrl, string email, string password, CancellationToken cancellationToken = default)
    {
        var cookies = new CookieContainer();
        using var handler = new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = baseUrl };
        var form = await http.GetStringAsync("Account/Login", cancellationToken);
        var fields = HiddenFields(form);
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;

        using var response = await http.PostAsync("Account/Login", new FormUrlEncodedContent(fields), cancellationToken);
        if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.Found)
            || !cookies.GetAllCookies().Any(cookie => cookie.Name == "Ava.Session"))
        {
            throw new InvalidOperationException($"Signing in as {email} was refused: {(int)response.StatusCode}, no session cookie.");
        }

        // Every cookie, the secure ones included: outside Development the session cookie is marked Secure, which a
        // browser still sends to a loopback address over plain HTTP.
        return string.Join("; ", cookies.GetAllCookies().Select(cookie => $"{cookie.Name}={cookie.Value}"));
    }

    private static Dictionary<string, string> HiddenFields(string html)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match input in HiddenInput().Matches(html))
        {
            var tag = input.Value;
            if (Attribute(NameAttribute(), tag) is { } name)
            {
                fields[name] = Attribute(ValueAttribute(), tag) ?? "";
            }
        }

        return fields;
    }

    private static string? Attribute(Regex attribute, string tag) =>
        attribute.Match(tag) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups["value"].Value) : null;

    [GeneratedRegex(@"<input\b[^>]*\btype=""hidden""[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenInput();

    [GeneratedRegex(@"\sname=""(?<value>[^""]*)""")]
    private static partial Regex NameAttribute();

    [GeneratedRegex(@"\svalue=""(?<value>[^""]*)""")]
    private static partial Regex ValueAttribute();
}
