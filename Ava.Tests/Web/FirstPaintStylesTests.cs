using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using Ava.Dashboard.Hosting;

namespace Ava.Tests.Web;

public sealed class StyleSheetSubsetTests
{
    private static readonly HashSet<string> Used = ["mud-button", "mud-button-filled", "d-flex", "hover:mud-inherit-hover"];

    [Fact]
    public void Extract_KeepsRulesWhoseClassesAreAllUsed_AndRulesWithoutClasses()
    {
        const string css = "html{font-size:16px}.mud-button{color:red}.mud-button.mud-button-filled{color:blue}.mud-button.mud-fab{color:green}.mud-timeline{margin:0}";

        StyleSheetSubset.Keep(css, Used).ShouldBe("html{font-size:16px}.mud-button{color:red}.mud-button.mud-button-filled{color:blue}");
    }

    [Fact]
    public void Extract_KeepsARule_WhenOneOfItsSelectorsIsUsed_AndIgnoresClassesUnderNot()
    {
        const string css = ".mud-fab,.mud-button:not(.mud-disabled):hover{opacity:1}.mud-fab,.mud-timeline{opacity:0}.d-flex:not(:is(.mud-a,.mud-b)){display:flex}";

        StyleSheetSubset.Keep(css, Used).ShouldBe(".mud-fab,.mud-button:not(.mud-disabled):hover{opacity:1}.d-flex:not(:is(.mud-a,.mud-b)){display:flex}");
    }

    [Fact]
    public void Extract_KeepsMediaRulesWithWhatIsUsedInside_AndDropsEmptyOnes()
    {
        const string css = "@media(max-width: 599px){.mud-button{width:100%}.mud-picker{width:0}}@media(min-width: 960px){.mud-picker{width:1px}}";

        StyleSheetSubset.Keep(css, Used).ShouldBe("@media(max-width: 599px){.mud-button{width:100%}}");
    }

    [Fact]
    public void Extract_KeepsKeyframesAndFontsWhole_AndReadsPastBracesInStringsAndComments()
    {
        const string css = "@keyframes mud-spin{0%{transform:rotate(0)}100%{transform:rotate(360deg)}}/* .mud-x{ */.mud-button::after{content:\"}{\"}.mud-fab::after{content:'{'}";

        StyleSheetSubset.Keep(css, Used).ShouldBe("@keyframes mud-spin{0%{transform:rotate(0)}100%{transform:rotate(360deg)}}.mud-button::after{content:\"}{\"}");
    }

    [Fact]
    public void Extract_ReadsEscapedCharactersInClassNames()
    {
        const string css = ".hover\\:mud-inherit-hover:hover{color:inherit}.hover\\:mud-primary-hover:hover{color:blue}";

        StyleSheetSubset.Keep(css, Used).ShouldBe(".hover\\:mud-inherit-hover:hover{color:inherit}");
    }

    [Fact]
    public void ClassList_IsEmbedded_WithMudBlazorsLayoutAndTableClasses()
    {
        FirstPaintStyles.Classes.ShouldContain("mud-appbar");
        FirstPaintStyles.Classes.ShouldContain("mud-table-row");
        FirstPaintStyles.Classes.ShouldNotContain("mud-timeline");
        FirstPaintStyles.Classes.ShouldAllBe(name => !name.StartsWith('#') && name.Trim() == name);
    }
}

[Collection(DashboardAppCollection.Name)]
public sealed partial class FirstPaintStylesTests(AvaAppFactory app)
{
    [Fact]
    public async Task SignInPage_LinksThePartForItsFirstPaint_AndMudBlazorsWholeSheetAfterIt()
    {
        using var client = SignedInClient.Anonymous(app);

        var html = await client.GetStringAsync(SignInForm.Path, TestContext.Current.CancellationToken);

        var part = PartLink().Match(html);
        part.Success.ShouldBeTrue(html[..Math.Min(html.Length, 1_500)]);
        var whole = DeferredLink().Match(html);
        whole.Success.ShouldBeTrue("MudBlazor's sheet is linked for the screen after the first paint");
        part.Index.ShouldBeLessThan(whole.Index);
        var scripts = PageScripts().Match(html);
        scripts.Success.ShouldBeTrue("page-start.js loads the page's scripts after the first paint");
        var sources = scripts.Groups[1].Value.Split(' ');
        sources[0].ShouldContain("blazor.web", Case.Sensitive, "Blazor's script runs first");
        sources.ShouldContain(source => source.Contains("MudBlazor", StringComparison.Ordinal));
        sources.ShouldContain(source => source.Contains("layout", StringComparison.Ordinal));
        Regex.Matches(html, "<script src=").Count.ShouldBe(1, "no other classic script runs before the first paint");
    }

    [Fact]
    public async Task Part_IsAFractionOfMudBlazorsSheet_CachedForGoodAndCompressed()
    {
        using var client = SignedInClient.Anonymous(app);
        var html = await client.GetStringAsync(SignInForm.Path, TestContext.Current.CancellationToken);
        var href = PartLink().Match(html).Groups[1].Value;
        var wholeHref = DeferredLink().Match(html).Groups[1].Value;

        using var plain = await client.GetAsync(href, TestContext.Current.CancellationToken);
        var css = await plain.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var whole = await client.GetStringAsync(wholeHref, TestContext.Current.CancellationToken);

        plain.StatusCode.ShouldBe(HttpStatusCode.OK);
        plain.Content.Headers.ContentType!.MediaType.ShouldBe("text/css");
        plain.Headers.CacheControl!.ToString().ShouldContain("immutable");
        css.ShouldContain(".mud-appbar");
        css.ShouldNotContain(".mud-timeline");
        css.Length.ShouldBeLessThan(whole.Length / 2, $"the part is {css.Length:N0} characters of the sheet's {whole.Length:N0}");

        using var request = new HttpRequestMessage(HttpMethod.Get, href);
        request.Headers.AcceptEncoding.ParseAdd("br");
        using var brotli = await client.SendAsync(request, TestContext.Current.CancellationToken);
        brotli.Content.Headers.ContentEncoding.ShouldBe(["br"]);
        await using var decoded = new BrotliStream(await brotli.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken), CompressionMode.Decompress);
        (await new StreamReader(decoded).ReadToEndAsync(TestContext.Current.CancellationToken)).ShouldBe(css);

        using var again = new HttpRequestMessage(HttpMethod.Get, href);
        again.Headers.IfNoneMatch.Add(plain.Headers.ETag!);
        using var notModified = await client.SendAsync(again, TestContext.Current.CancellationToken);
        notModified.StatusCode.ShouldBe(HttpStatusCode.NotModified);
    }

    [GeneratedRegex("""<link rel="stylesheet" href="(first-paint\.css\?v=[0-9a-f]{16})" />""")]
    private static partial Regex PartLink();

    [GeneratedRegex("""<link rel="stylesheet" href="([^"]*MudBlazor[^"]*\.css)" media="print" data-deferred-styles""")]
    private static partial Regex DeferredLink();

    [GeneratedRegex("""<script src="[^"]*page-start[^"]*\.js" data-scripts="([^"]+)"></script>""")]
    private static partial Regex PageScripts();
}
