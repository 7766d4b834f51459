namespace ForumManager.Features;

/// <summary>
/// What a use case found wrong with what it was given, each message (already in the reader's language) under the name
/// of the field it belongs next to. The page copies them into its model state; an import turns them into row problems.
/// </summary>
public sealed class FieldErrors
{
    private readonly List<(string Field, string Message)> _errors = [];

    public bool IsEmpty => _errors.Count == 0;

    public void Add(string field, string message) => _errors.Add((field, message));

    public IReadOnlyList<(string Field, string Message)> All => _errors;
}
