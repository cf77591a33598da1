namespace Ava.Infrastructure.Configuration;

/// <summary>How user and AI Markdown may refer to other resources.</summary>
public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>
    /// Hosts whose images Markdown may show inline (exact names, https only). None by default: an image
    /// elsewhere, or on this site, is shown as a link, so reading a summary never makes the reader's
    /// browser send a request with their session.
    /// </summary>
    public string[] ImageHosts { get; set; } = [];
}
