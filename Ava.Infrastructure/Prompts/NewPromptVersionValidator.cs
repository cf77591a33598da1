using System.Text.Json;
using Ava.Domain.Common;
using Ava.Domain.Prompts;
using Ava.Infrastructure.Ai;
using FluentValidation;

namespace Ava.Infrastructure.Prompts;

/// <summary>The rules of a new version, shared by the form and the API (the numbering rule against existing versions is the template's own).</summary>
public sealed class NewPromptVersionValidator : AbstractValidator<NewPromptVersion>
{
    public NewPromptVersionValidator()
    {
        RuleFor(v => v.Version).Must(v => SemanticVersion.TryParse(v, out _))
            .WithMessage("The version must be a semantic version such as 3.1.0 (MAJOR.MINOR.PATCH).");
        RuleFor(v => v.BasedOn).NotEmpty().WithMessage("Name the version this one starts from.");
        RuleFor(v => v.Changelog).NotEmpty().WithMessage("A changelog line is required: say what changed and why.")
            .MaximumLength(PromptTemplateVersion.ChangelogMaxLength).WithMessage($"The changelog line must be at most {PromptTemplateVersion.ChangelogMaxLength} characters.");
        RuleFor(v => v.TemplateText).NotEmpty().WithMessage("The template text is required.")
            .MaximumLength(PromptTemplateVersion.TextMaxLength).WithMessage($"The template text must be at most {PromptTemplateVersion.TextMaxLength:N0} characters.")
            .Custom((text, context) =>
            {
                try
                {
                    TemplatePlaceholders.Find(text ?? "");
                }
                catch (DomainException ex)
                {
                    context.AddFailure(ex.Message);
                }
            });
        RuleFor(v => v.SystemContext).NotEmpty().WithMessage("The system context is required.")
            .MaximumLength(PromptTemplateVersion.SystemContextMaxLength).WithMessage($"The system context must be at most {PromptTemplateVersion.SystemContextMaxLength:N0} characters.");
        RuleFor(v => v.Model).NotEmpty().WithMessage("Name the model the version is written for.")
            .MaximumLength(PromptSettings.ModelMaxLength).WithMessage($"The model name must be at most {PromptSettings.ModelMaxLength} characters.");
        RuleFor(v => v.MaxTokens).InclusiveBetween(1, 32_000).WithMessage("Max tokens must be from 1 to 32,000.");
        RuleFor(v => v.Temperature).InclusiveBetween(0, 2).WithMessage("The temperature must be from 0.0 to 2.0.");
        RuleFor(v => v.ContextTokens).InclusiveBetween(256, 1_000_000).WithMessage("The token budget must be from 256 to 1,000,000.");
        RuleFor(v => v.MinLength).GreaterThanOrEqualTo(0).When(v => v.MinLength is not null).WithMessage("The minimum length cannot be negative.");
        RuleFor(v => v.MaxLength).GreaterThan(0).When(v => v.MaxLength is not null).WithMessage("The maximum length must be above 0.");
        RuleFor(v => v.MaxLength).Must((v, max) => max >= v.MinLength).When(v => v.MinLength is not null && v.MaxLength is not null)
            .WithMessage("The maximum length must not be below the minimum length.");
        RuleFor(v => v.RequiredSections).Must(s => s.All(x => !string.IsNullOrWhiteSpace(x) && x.Length <= 100))
            .WithMessage("Each required section is a heading of 1 to 100 characters.");
        RuleFor(v => v.JsonSchema).NotEmpty().When(v => v.Format == PromptOutputFormat.Json)
            .WithMessage("A JSON version needs a JSON Schema for its output.");
        RuleFor(v => v.JsonSchema).Custom((schema, context) =>
        {
            if (string.IsNullOrWhiteSpace(schema))
            {
                return;
            }

            if (schema.Length > PromptTemplateVersion.SchemaMaxLength)
            {
                context.AddFailure($"The JSON Schema must be at most {PromptTemplateVersion.SchemaMaxLength:N0} characters.");
                return;
            }

            try
            {
                OutputValidator.Schema(schema);
            }
            catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or NotSupportedException)
            {
                context.AddFailure($"The JSON Schema is not valid: {ex.Message}");
            }
        }).When(v => v.Format == PromptOutputFormat.Json);
    }
}
