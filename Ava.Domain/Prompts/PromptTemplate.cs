using Ava.Domain.Common;

namespace Ava.Domain.Prompts;

/// <summary>
/// A named prompt with its versions. Exactly one version is active once the first one exists;
/// activating another, with a reason, is also how a version is rolled back, and each move is
/// kept as a <see cref="PromptActivation"/>.
/// </summary>
public sealed class PromptTemplate : IVersioned
{
    public const int NameMaxLength = 64;
    public const int DescriptionMaxLength = 500;
    public const int ReasonMaxLength = 500;

    private readonly List<PromptTemplateVersion> _versions = [];
    private readonly List<PromptActivation> _activations = [];

    private PromptTemplate()
    {
    }

    public PromptTemplate(string name, string description, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > NameMaxLength || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
        {
            throw new DomainException("A template name is 1 to 64 lower-case letters, digits or underscores, e.g. morning_briefing.");
        }

        Name = name;
        Description = description;
        CreatedAt = at;
    }

    public long Id { get; private set; }

    public string Name { get; private set; } = "";

    public string Description { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public long? ActiveVersionId { get; private set; }

    public IReadOnlyList<PromptTemplateVersion> Versions => _versions;

    public IReadOnlyList<PromptActivation> Activations => _activations;

    public Guid Version { get; private set; } = Guid.NewGuid();

    public void NewVersion() => Version = Guid.NewGuid();

    public PromptTemplateVersion? ActiveVersion => _versions.FirstOrDefault(v => v.Id == ActiveVersionId);

    /// <summary>
    /// Adds a version, which must be numbered above every existing one. It is not active until
    /// <see cref="Activate"/> says so (the first version of a template is activated by its creator).
    /// </summary>
    public PromptTemplateVersion AddVersion(
        SemanticVersion number, string templateText, string systemContext, PromptSettings settings, PromptValidation validation,
        string changelog, string? basedOn, string createdBy, DateTimeOffset at)
    {
        var highest = _versions.Select(v => v.SemanticVersion).DefaultIfEmpty().Max();
        if (_versions.Count > 0 && number <= highest)
        {
            throw new DomainException($"Version {number} must be higher than {highest}, the highest version of {Name}.");
        }

        if (basedOn is not null && _versions.All(v => v.Number != basedOn))
        {
            throw new DomainException($"{Name} has no version {basedOn} to start from.");
        }

        var version = new PromptTemplateVersion(Id, number, templateText, systemContext, settings, validation, changelog, basedOn, createdBy, at);
        _versions.Add(version);
        return version;
    }

    /// <summary>Makes <paramref name="version"/> the active one and records who moved it, from which version, when and why.</summary>
    public PromptActivation Activate(PromptTemplateVersion version, string by, DateTimeOffset at, string reason)
    {
        if (!_versions.Contains(version))
        {
            throw new DomainException($"Version {version.Number} does not belong to {Name}.");
        }

        if (version.Id == 0)
        {
            throw new InvalidOperationException("A version is saved before it is activated: activation records its id.");
        }

        if (ActiveVersionId is { } active && active == version.Id)
        {
            throw new DomainException($"Version {version.Number} is already the active version of {Name}.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("Activating a version needs a reason (it is how a rollback is explained).");
        }

        if (reason.Trim().Length > ReasonMaxLength)
        {
            throw new DomainException($"The reason must be at most {ReasonMaxLength} characters.");
        }

        var activation = new PromptActivation(ActiveVersion?.Number, version.Number, by, at, reason.Trim());
        _activations.Add(activation);
        ActiveVersionId = version.Id;
        return activation;
    }
}
