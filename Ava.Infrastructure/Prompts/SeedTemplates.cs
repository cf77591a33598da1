using Ava.Domain.Prompts;

namespace Ava.Infrastructure.Prompts;

/// <summary>
/// The two templates the product ships with, exactly as the implementation guide (section 3.1,
/// "Enhanced AI Prompt Templates") writes them: texts, system contexts, settings, validation rules
/// and changelog lines. The code review's JSON Schema is the one the guide validates reviews with
/// (section 3.2). Do not edit these: a change is a new version, made in the product.
/// </summary>
internal static class SeedTemplates
{
    public const string SeedAuthor = "seed";

    public static IReadOnlyList<SeedTemplate> All { get; } =
    [
        new(
            PromptNames.MorningBriefing,
            "The daily intelligence briefing, written from the last day's streams.",
            "3.0.0",
            MorningBriefingText,
            "You are an AI intelligence analyst for Codessa Intelligence Command Center. Your role is to synthesize information and provide actionable insights. Always maintain objectivity and highlight uncertainties.",
            new PromptSettings("claude-sonnet-4-20250514", 2000, 0.3, PromptSettings.DefaultContextTokens),
            PromptValidation.ForText(200, 3000, ["Executive Summary", "Key Themes", "Recommended Actions"]),
            // The guide lists the template's history; 3.0.0 is the version it ships.
            "v3.0.0 - Added structured output format and validation (earlier: v2.1.0 - Improved context management; v2.0.0 - Added multi-source synthesis)"),
        new(
            PromptNames.CodeReview,
            "A structured review of one codestone: four 0-10 scores, an ECL confidence and findings, as JSON.",
            "2.0.0",
            CodeReviewText,
            "You are a senior software engineer conducting code reviews. Evaluate code objectively using established best practices. Be constructive and specific in feedback.",
            new PromptSettings("claude-sonnet-4-20250514", 2500, 0.1, PromptSettings.DefaultContextTokens),
            PromptValidation.ForJson(CodeReviewSchema),
            // The guide gives this version no changelog of its own.
            "v2.0.0 - As shipped in the implementation guide: four scored criteria and JSON output"),
    ];

    private const string MorningBriefingText = """
        Generate a morning intelligence briefing for {date}.

        # Available Data
        {intelligence_streams}

        # Instructions
        1. Identify 3-5 major themes across streams
        2. Highlight urgent items requiring immediate attention (Priority: 🔥 Now)
        3. Suggest 3 specific priority actions with clear owners and deadlines
        4. Flag any blocking issues or dependencies
        5. Note any high-confidence codestones (ECL >= 0.8) ready for deployment

        # Output Format
        ## Executive Summary
        [2-3 sentence overview]

        ## Key Themes
        - [Theme 1 with supporting evidence]
        - [Theme 2 with supporting evidence]
        - [Theme 3 with supporting evidence]

        ## Urgent Items
        - [Item with priority, context, and deadline]

        ## Recommended Actions
        1. [Action] - Owner: [Person] - Deadline: [Date] - Dependencies: [List]
        2. [Action] - Owner: [Person] - Deadline: [Date] - Dependencies: [List]
        3. [Action] - Owner: [Person] - Deadline: [Date] - Dependencies: [List]

        ## Deployment Candidates
        - [Codestone name] (ECL: X.XX) - [Brief description]

        ## Risks & Blockers
        - [Risk or blocker with mitigation strategy]
        """;

    private const string CodeReviewText = """
        Review the following codestone (ID: {codestone_id}) comprehensively.

        ---CODESTONE_START---
        Title: {title}
        Language: {language}
        Code:
        {code_content}
        ---CODESTONE_END---

        # Review Criteria

        ## Functionality (0-10)
        - Does it solve the stated problem?
        - Are edge cases handled?
        - Is error handling comprehensive?

        ## Code Quality (0-10)
        - Follows language conventions?
        - Proper naming and documentation?
        - DRY principle applied?
        - Code is readable and maintainable?

        ## Security (0-10)
        - No injection vulnerabilities?
        - Sensitive data properly handled?
        - Authentication/authorization correct?
        - Input validation present?

        ## Performance (0-10)
        - Time complexity reasonable?
        - Memory usage optimized?
        - Scalability considerations?
        - No obvious bottlenecks?

        # Output Format (JSON)
        ```json
        {{
          "functionality_score": 0-10,
          "code_quality_score": 0-10,
          "security_score": 0-10,
          "performance_score": 0-10,
          "ecl_score": 0.0-1.0,
          "overall_assessment": "string",
          "strengths": ["string"],
          "weaknesses": ["string"],
          "security_issues": ["string"],
          "recommended_changes": ["string"],
          "recommended_status": "📝 Draft | 👀 Review | ✅ Approved"
        }}
        ```
        """;

    /// <summary>The schema the guide validates code reviews with (section 3.2).</summary>
    private const string CodeReviewSchema = """
        {
          "type": "object",
          "required": [
            "functionality_score",
            "code_quality_score",
            "security_score",
            "performance_score",
            "ecl_score"
          ],
          "properties": {
            "functionality_score": {"type": "number", "minimum": 0, "maximum": 10},
            "code_quality_score": {"type": "number", "minimum": 0, "maximum": 10},
            "security_score": {"type": "number", "minimum": 0, "maximum": 10},
            "performance_score": {"type": "number", "minimum": 0, "maximum": 10},
            "ecl_score": {"type": "number", "minimum": 0.0, "maximum": 1.0}
          }
        }
        """;
}

/// <summary>A template and its first version, as seeded.</summary>
internal sealed record SeedTemplate(
    string Name, string Description, string Version, string Text, string SystemContext, PromptSettings Settings, PromptValidation Validation, string Changelog);
