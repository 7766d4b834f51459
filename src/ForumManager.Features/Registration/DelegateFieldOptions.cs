using ForumManager.Core.Registration;

namespace ForumManager.Features.Registration;

/// <summary>How the shared person fields are shown on a given form (registration, own edit, organizer's edit).</summary>
public sealed record DelegateFieldOptions
{
    public const string Key = nameof(DelegateFieldOptions);

    public bool EmailReadOnly { get; init; }

    /// <summary>The delegations to choose from; null hides the choice (an invitation or the record already decides it).</summary>
    public IReadOnlyList<(int Id, string NameEn, string NameZh)>? Delegations { get; init; }

    /// <summary>The masked passport number already held, when editing; a blank field keeps it.</summary>
    public string? PassportOnFile { get; init; }

    public bool DateOfBirthOnFile { get; init; }

    public IReadOnlyList<Question> Questions { get; init; } = [];
}
