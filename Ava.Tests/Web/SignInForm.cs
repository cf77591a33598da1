using System.Net;
using System.Text.RegularExpressions;

namespace Ava.Tests.Web;

/// <summary>The real sign-in page, driven the way a browser does: GET the form, POST it back with its antiforgery token.</summary>
public static partial class SignInForm
{
    public const string Path = "/Account/Login";

    /// <summary>Submits the sign-in form once; the client keeps the cookies and must not follow redirects.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string email, string password, CancellationToken cancellationToken = default)
    {
        using var page = await client.GetAsync(Path, cancellationToken);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync(cancellationToken);
        var input = AntiforgeryInput().Match(html);
        input.Success.ShouldBeTrue("the sign-in page has no antiforgery token");
        var token = ValueAttribute().Match(input.Value);

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups["token"].Value),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        return await client.PostAsync(Path, form, cancellationToken);
    }

    [GeneratedRegex("""<input[^>]*name="__RequestVerificationToken"[^>]*>""")]
    private static partial Regex AntiforgeryInput();

    [GeneratedRegex(@"value=""(?<token>[^""]*)""")]
    private static partial Regex ValueAttribute();
}
