namespace ForumManager.Core.Languages;

/// <summary>
/// One organizer-written text of an edition in one of its further languages (Russian, Arabic...). English and
/// Chinese live in the record's own columns; every other language lives here, one row per text and language.
/// </summary>
public sealed class ContentTranslation
{
    public int Id { get; set; }
    public int ForumId { get; set; }

    /// <summary>Which text: <c>session.title</c>, <c>room.name</c>... (see the content catalogue).</summary>
    public required string Field { get; set; }

    /// <summary>The record the text belongs to (the session's id, the room's id; the notice kind for a template).</summary>
    public int ItemId { get; set; }

    /// <summary>A code of <see cref="ContentLanguages.All"/> other than English and Chinese.</summary>
    public required string Language { get; set; }

    public required string Value { get; set; }

    /// <summary>A hash of the English text this translates, so a later change to the English shows the translation as out of date.</summary>
    public required string SourceHash { get; set; }

    public DateTime UpdatedUtc { get; set; }
    public required string UpdatedBy { get; set; }
}
