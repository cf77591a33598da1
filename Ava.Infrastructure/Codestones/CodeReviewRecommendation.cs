using System.Globalization;
using System.Text;
using Ava.Domain.Codestones;
using Ava.Domain.Recommendations;
using Ava.Infrastructure.Approvals;

namespace Ava.Infrastructure.Codestones;

/// <summary>
/// The recommendation a finished review submits (specification §5): set the codestone's review status to
/// the one the reviewer recommends and its ECL to the review's, with the review's ECL as the confidence,
/// so it lands in the confidence band it deserves. The rationale is the assessment and the key issues,
/// and says so plainly when the reviewed input was flagged as a likely prompt injection.
/// </summary>
public static class CodeReviewRecommendation
{
    public const string Source = "code_review";

    /// <summary>Issues listed in the rationale; the review itself keeps all of them.</summary>
    public const int MaxIssues = 6;

    public static RecommendationSubmission Compose(long reviewId, long codestoneId, CodeReviewFindings findings, CodeReviewProvenance provenance)
    {
        var ecl = Math.Round(findings.Ecl, 2);
        var fields = new List<FieldChange>();
        if (findings.RecommendedStatus is { } status)
        {
            fields.Add(new FieldChange("review_status", status.ToString()));
        }

        fields.Add(new FieldChange("ecl_score", ecl.ToString("0.00", CultureInfo.InvariantCulture)));
        return new RecommendationSubmission(
            [new SubmittedChange("codestone", codestoneId, fields, "update")],
            Rationale(reviewId, findings, provenance),
            ecl,
            Source);
    }

    private static string Rationale(long reviewId, CodeReviewFindings findings, CodeReviewProvenance provenance)
    {
        var text = new StringBuilder()
            .Append("AI code review #").Append(reviewId).Append(" (").Append(provenance.Provider).Append(", code_review ").Append(provenance.TemplateVersion).Append("): ")
            .Append(string.IsNullOrWhiteSpace(findings.Assessment) ? "no overall assessment given." : findings.Assessment.Trim()).Append('\n')
            .Append("Scores: functionality ").Append(Score(findings.Functionality))
            .Append(", code quality ").Append(Score(findings.CodeQuality))
            .Append(", security ").Append(Score(findings.Security))
            .Append(", performance ").Append(Score(findings.Performance))
            .Append("; ECL ").Append(findings.Ecl.ToString("0.00", CultureInfo.InvariantCulture)).Append('.');
        var issues = findings.SecurityIssues.Select(i => "Security: " + i).Concat(findings.Weaknesses).Take(MaxIssues).ToList();
        if (issues.Count > 0)
        {
            text.Append("\nKey issues:");
            foreach (var issue in issues)
            {
                text.Append("\n- ").Append(issue.Trim());
            }
        }

        if (findings.RecommendedStatus is null)
        {
            text.Append("\nThe review recommended no review status the product knows, so only the ECL is proposed.");
        }

        if (provenance.FlaggedInputs.Count > 0)
        {
            text.Append("\nWarning: the reviewed input was flagged as a likely prompt injection (")
                .Append(string.Join("; ", provenance.FlaggedInputs.Select(f => $"{f.Source} scored {f.Score.ToString("0.00", CultureInfo.InvariantCulture)}")))
                .Append("). The scores may follow instructions hidden in the code; read the review and the code before approving.");
        }

        var rationale = text.ToString();
        return rationale.Length <= AiRecommendation.RationaleMaxLength ? rationale : rationale[..(AiRecommendation.RationaleMaxLength - 1)] + "…";
    }

    private static string Score(double score) => score.ToString("0.#", CultureInfo.InvariantCulture) + "/10";
}
