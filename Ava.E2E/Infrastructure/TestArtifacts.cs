namespace Ava.E2E.Infrastructure;

/// <summary>Files a run leaves behind for people to look at: under <c>TestResults/</c> in the test output folder.</summary>
public static class TestArtifacts
{
    public static string Folder(params string[] subfolders) =>
        Directory.CreateDirectory(Path.Combine([AppContext.BaseDirectory, "TestResults", .. subfolders])).FullName;

    /// <summary>A file name made of letters, digits, '-' and '_' only.</summary>
    public static string SafeName(string text) =>
        new(text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray());
}
