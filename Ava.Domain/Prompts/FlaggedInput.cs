namespace Ava.Domain.Prompts;

/// <summary>
/// One untrusted input of a run that the injection scorer flagged: which item (e.g. "stream:42"), how a
/// person reads it, its score and the scorer's reasons. Kept with what the run produced (a briefing, a
/// code review), so the reader or the approver sees the flag beside the output.
/// </summary>
public sealed record FlaggedInput(string Source, string Label, double Score, IReadOnlyList<string> Reasons);
