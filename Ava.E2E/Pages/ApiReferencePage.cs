using Microsoft.Playwright;

namespace Ava.E2E.Pages;

/// <summary>The Scalar API reference at <c>/api/reference</c>, rendered from the OpenAPI document.</summary>
public sealed class ApiReferencePage(IPage page)
{
    public const string Path = "/api/reference/";

    public ILocator Title => page.GetByRole(AriaRole.Heading, new() { Name = "Ava Prime API" }).First;

    /// <summary>An operation by its summary, as the first tag shows it open.</summary>
    public ILocator Operation(string summary) => page.GetByRole(AriaRole.Heading, new() { Name = summary, Exact = true }).First;
}
