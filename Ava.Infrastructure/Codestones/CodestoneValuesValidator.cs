using Ava.Domain.Codestones;
using FluentValidation;

namespace Ava.Infrastructure.Codestones;

/// <summary>The rules of a codestone (specification §3), shared by the form, the API and recommendations.</summary>
public sealed class CodestoneValuesValidator : AbstractValidator<CodestoneValues>
{
    public const string GitHubPattern = "^https://github\\.com/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(/.*)?$";

    public CodestoneValuesValidator()
    {
        RuleFor(v => v.Title)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Title is required.");
        RuleFor(v => v.Title)
            .Must(t => t.Trim().Length is >= Codestone.TitleMinLength and <= Codestone.TitleMaxLength)
            .When(v => !string.IsNullOrWhiteSpace(v.Title))
            .WithMessage(v => $"Title must be {Codestone.TitleMinLength} to {Codestone.TitleMaxLength} characters; it has {v.Title.Trim().Length}.");
        RuleFor(v => v.Language).IsInEnum().WithMessage("Language must be Python, JavaScript, TypeScript, C#, Rust, Go, Java or Other.");
        RuleFor(v => v.Code)
            .Must(c => !string.IsNullOrWhiteSpace(c)).WithMessage("Code is required.")
            .MaximumLength(Codestone.CodeMaxLength).WithMessage($"Code must be at most {Codestone.CodeMaxLength:N0} characters.");
        RuleFor(v => v.GitHubUrl!)
            .MaximumLength(Codestone.GitHubUrlMaxLength).WithMessage($"GitHub link must be at most {Codestone.GitHubUrlMaxLength} characters.")
            .Matches(GitHubPattern).WithMessage("GitHub link must look like https://github.com/{owner}/{repo}, optionally followed by a path.")
            .When(v => !string.IsNullOrWhiteSpace(v.GitHubUrl));
        RuleFor(v => v.ReviewStatus).IsInEnum().WithMessage("Review status must be Draft, Review, Approved or Merged.");
        RuleFor(v => v.EclScore)
            .InclusiveBetween(0.0, 1.0).When(v => v.EclScore is not null)
            .WithMessage("ECL score must be between 0.0 and 1.0.");
    }
}
