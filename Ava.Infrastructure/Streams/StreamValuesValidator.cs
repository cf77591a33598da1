using Ava.Domain.Streams;
using FluentValidation;

namespace Ava.Infrastructure.Streams;

/// <summary>
/// The rules of an intelligence stream (specification §3), used by the edit form, the API and any
/// recommendation that changes a stream.
/// </summary>
public sealed class StreamValuesValidator : AbstractValidator<StreamValues>
{
    public StreamValuesValidator()
    {
        RuleFor(v => v.Title)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Title is required.");
        RuleFor(v => v.Title)
            .Must(t => t is null || t.Trim().Length is >= IntelligenceStream.TitleMinLength and <= IntelligenceStream.TitleMaxLength)
            .When(v => !string.IsNullOrWhiteSpace(v.Title))
            .WithMessage(v => $"Title must be {IntelligenceStream.TitleMinLength} to {IntelligenceStream.TitleMaxLength} characters; it has {v.Title.Trim().Length}.");
        RuleFor(v => v.Source).IsInEnum().WithMessage("Source must be one of Claude, ChatGPT, GitHub, Manual or Automated.");
        RuleFor(v => v.Status).IsInEnum().WithMessage("Status must be Raw, Refined or Archived.");
        RuleFor(v => v.Priority).IsInEnum().WithMessage("Priority must be Now, High, Normal or Low.");
        RuleFor(v => v.Summary)
            .NotNull().WithMessage("Summary must not be null.")
            .MaximumLength(IntelligenceStream.SummaryMaxLength)
            .WithMessage($"Summary must be at most {IntelligenceStream.SummaryMaxLength:N0} characters.");
        RuleFor(v => v.EclScore)
            .InclusiveBetween(0.0, 1.0).When(v => v.EclScore is not null)
            .WithMessage("ECL score must be between 0.0 and 1.0.");
        RuleFor(v => v.Tags)
            .NotNull().WithMessage("Tags must not be null.")
            .Must(tags => StreamValues.NormalizeTags(tags).Count <= IntelligenceStream.MaxTags)
            .WithMessage($"A stream has at most {IntelligenceStream.MaxTags} tags.");
        RuleForEach(v => v.Tags)
            .Must(tag => tag.Trim().Length <= IntelligenceStream.TagMaxLength)
            .WithMessage($"Each tag is at most {IntelligenceStream.TagMaxLength} characters.")
            .Matches("^\\s*[\\p{L}\\p{N}][\\p{L}\\p{N}._+#-]*\\s*$")
            .WithMessage("Tags are single words: letters, digits and . _ + # - only.");
    }
}
