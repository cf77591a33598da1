using System.Text.RegularExpressions;
using Ava.Domain.Recommendations;
using Ava.Infrastructure.ChangeSets;
using FluentValidation;
using FluentValidation.Validators;

namespace Ava.Infrastructure.Approvals;

/// <summary>A submission as the intake checks it: every change read against the catalogue, with the current state of the entity it names.</summary>
public sealed record SubmissionUnderReview(RecommendationSubmission Submission, IReadOnlyList<ChangeUnderReview> Changes);

/// <summary>
/// One submitted change read against the catalogue: its kind (null when no kind has that name), its
/// operation (null when unknown), its fields by canonical name, whether an earlier change names the
/// same entity, and the entity's current state (null for a create or an entity that does not exist).
/// </summary>
public sealed record ChangeUnderReview(
    SubmittedChange Submitted, IChangeTarget? Target, ChangeOperation? Operation, IReadOnlyList<FieldUnderReview> Fields, bool NamedBefore, TargetState? Current)
{
    public string Noun => Target?.Noun.Singular ?? Submitted.TargetType;

    /// <summary>The change as the recommendation keeps it; call it only for a change the validator accepted.</summary>
    public ProposedChange ToProposedChange()
    {
        var fields = Fields.Select(f => new FieldChange(f.Canonical!, f.Submitted.Value)).ToList();
        if (Current is { } state)
        {
            return new ProposedChange(Target!.Type, Submitted.TargetId, Operation!.Value, fields, state.Version, state.Title);
        }

        var title = fields.FirstOrDefault(f => f.Field == Target!.TitleField)?.Value;
        return new ProposedChange(Target!.Type, null, Operation!.Value, fields, null, string.IsNullOrWhiteSpace(title) ? null : title.Trim());
    }
}

/// <summary>One submitted field: its canonical name (null when the kind has no such field) and whether the change names it already.</summary>
public sealed record FieldUnderReview(FieldChange Submitted, string? Canonical, bool NamedBefore);

/// <summary>
/// The rules a submission keeps: a rationale, a confidence in range, a known source, and changes that
/// the change-target catalogue allows: a registered kind, a known operation, only allow-listed
/// fields with readable values, each entity once, and entities that exist. Error keys name the
/// submission's parts (<c>changes[1].fields[0]</c>); the API renames them into its request's terms.
/// </summary>
public sealed partial class SubmissionValidator : AbstractValidator<SubmissionUnderReview>
{
    public const int MaxChanges = 500;

    public SubmissionValidator(ChangeTargets targets)
    {
        RuleFor(s => s.Submission.Rationale).Cascade(CascadeMode.Stop)
            .Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("A rationale is required: say why the change is right.")
            .Must(r => r.Trim().Length <= AiRecommendation.RationaleMaxLength).WithMessage($"The rationale must be at most {AiRecommendation.RationaleMaxLength:N0} characters.")
            .OverridePropertyName("rationale");
        RuleFor(s => s.Submission.Confidence)
            .Must(c => !double.IsNaN(c) && c is >= 0 and <= 1).WithMessage("Confidence must be between 0.0 and 1.0.")
            .OverridePropertyName("confidence");
        RuleFor(s => s.Submission.Source)
            .Must(s => !string.IsNullOrWhiteSpace(s) && SourcePattern().IsMatch(s.Trim()))
            .WithMessage("Source must be code_review, triage, conversation or api:<client> (letters, digits, . _ - in the client name).")
            .OverridePropertyName("source");
        RuleFor(s => s.Submission.Changes).Cascade(CascadeMode.Stop)
            .Must(c => c is { Count: > 0 }).WithMessage("A recommendation needs at least one change.")
            .Must(c => c.Count <= MaxChanges).WithMessage($"A recommendation changes at most {MaxChanges} entities.")
            .OverridePropertyName("changes");
        RuleForEach(s => s.Changes).SetValidator(new ChangeValidator(targets)).OverridePropertyName("changes");
    }

    [GeneratedRegex("^(code_review|triage|conversation|api:[A-Za-z0-9][A-Za-z0-9._-]{0,60})$")]
    private static partial Regex SourcePattern();

    /// <summary>One change; its rules run in order and stop at the first one it breaks, as a person fixes them.</summary>
    private sealed class ChangeValidator : AbstractValidator<ChangeUnderReview>
    {
        public ChangeValidator(ChangeTargets targets)
        {
            ClassLevelCascadeMode = CascadeMode.Stop;
            RuleFor(c => c.Submitted.TargetType).Problem((c, name) => c.Target is null
                ? $"Target type '{name}' is not allowed; recommendations may change {string.Join(" or ", targets.Names)}."
                : null).OverridePropertyName("targetType");
            RuleFor(c => c.Submitted.Operation).Problem((c, operation) => c.Operation is null
                ? $"Operation '{operation}' is not known; use create, update or delete."
                : null).OverridePropertyName("operation");
            RuleFor(c => c.Submitted.TargetId).Problem((c, id) => (c.Operation, id) switch
            {
                (ChangeOperation.Create, not null) => "A create has no target id.",
                (ChangeOperation.Update, null) => $"An update needs the id of the {c.Noun}.",
                (ChangeOperation.Delete, null) => $"A delete needs the id of the {c.Noun}.",
                _ => null,
            }).OverridePropertyName("targetId");
            RuleFor(c => c.Fields).Problem((c, fields) => c.Operation == ChangeOperation.Delete && fields.Count > 0
                ? "A delete names no fields."
                : null).OverridePropertyName("fields");
            RuleForEach(c => c.Fields).Problem(FieldProblem).OverridePropertyName("fields");
            RuleFor(c => c.Fields).Problem((c, fields) => c.Operation != ChangeOperation.Delete && fields.Count == 0
                ? "Name at least one field to change."
                : null).OverridePropertyName("fields");

            // Every record of a changeset is checked against the entity's current state on rollback, so one entity is one record.
            RuleFor(c => c.Submitted.TargetId).Problem((c, id) =>
                c.NamedBefore ? $"The {c.Noun} #{id} is named twice; put all its changes in one entry."
                : id is not null && c.Current is null ? $"There is no {c.Noun} #{id}."
                : null).OverridePropertyName("targetId");
        }

        private static string? FieldProblem(ChangeUnderReview change, FieldUnderReview field)
        {
            var target = change.Target!;
            if (field.Canonical is not { } canonical || !target.ChangeableFields.Contains(canonical))
            {
                return $"Field '{field.Submitted.Field}' is not allowed on a {change.Noun}; a recommendation may change {string.Join(", ", target.ChangeableFields)}.";
            }

            return field.NamedBefore ? $"Field '{canonical}' is named twice." : target.CheckValue(canonical, field.Submitted.Value);
        }
    }
}

internal static class ProblemRules
{
    /// <summary>A rule whose check says what is wrong in words, or null when nothing is.</summary>
    public static IRuleBuilderOptions<T, TProperty> Problem<T, TProperty>(this IRuleBuilder<T, TProperty> rule, Func<T, TProperty, string?> problem) =>
        rule.SetValidator(new ProblemValidator<T, TProperty>(problem));

    /// <summary>
    /// Fails with the check's own words. They reach the message through a placeholder, so they are kept as
    /// written: these messages quote what the caller sent, and FluentValidation reads "{...}" in a message
    /// template as one of its placeholders.
    /// </summary>
    private sealed class ProblemValidator<T, TProperty>(Func<T, TProperty, string?> problem) : PropertyValidator<T, TProperty>
    {
        public override string Name => nameof(ProblemValidator<T, TProperty>);

        public override bool IsValid(ValidationContext<T> context, TProperty value)
        {
            if (problem(context.InstanceToValidate, value) is not { } message)
            {
                return true;
            }

            context.MessageFormatter.AppendArgument("Problem", message);
            return false;
        }

        protected override string GetDefaultMessageTemplate(string errorCode) => "{Problem}";
    }
}
