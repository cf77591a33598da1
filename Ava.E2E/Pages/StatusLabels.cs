using System.Text.RegularExpressions;

namespace Ava.E2E.Pages;

/// <summary>What status labels must not rely on: emoji, which show as empty boxes where no colour-emoji font is installed.</summary>
public static partial class StatusLabels
{
    /// <summary>Pictographs and dingbats (U+2600–U+27BF) and the emoji planes (U+1F000–U+1FAFF, as UTF-16 surrogate pairs).</summary>
    [GeneratedRegex(@"[\u2600-\u27BF]|\uD83C[\uDC00-\uDFFF]|\uD83D[\uDC00-\uDEFF]|\uD83E[\uDD00-\uDEFF]")]
    public static partial Regex Emoji();
}
