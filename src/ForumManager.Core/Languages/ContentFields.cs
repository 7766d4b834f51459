namespace ForumManager.Core.Languages;

/// <summary>
/// The names of the organizer-written texts that take a value per language (<see cref="ContentTranslation.Field"/>).
/// A text's item is the id of its record; for a notice template it is the <c>NoticeKind</c>'s number.
/// </summary>
public static class ContentFields
{
    public const string ForumName = "forum.name";
    public const string ForumTheme = "forum.theme";
    public const string ForumPlace = "forum.place";
    public const string VenueName = "venue.name";
    public const string RoomName = "room.name";
    public const string TrackName = "track.name";
    public const string SessionTitle = "session.title";
    public const string SessionAbstract = "session.abstract";
    public const string QuestionText = "question.text";
    public const string ChoiceText = "choice.text";
    public const string DelegationName = "delegation.name";
    public const string NoticeSubject = "notice.subject";
    public const string NoticeBody = "notice.body";

    /// <summary>The record kind a field's item id points at: the part before the dot ("session" for <c>session.title</c>).</summary>
    public static string Owner(string field) => field[..field.IndexOf('.', StringComparison.Ordinal)];
}
