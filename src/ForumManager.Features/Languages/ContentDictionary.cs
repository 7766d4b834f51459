using ForumManager.Core.Forums;
using ForumManager.Core.Languages;
using ForumManager.Core.Registration;
using ForumManager.Features.Programme;

namespace ForumManager.Features.Languages;

/// <summary>
/// An edition's texts in one further language, ready to put in place of the English. Everything that shows
/// organizer-written text reads the English slot when the reader is not Chinese, so applying a dictionary to a record
/// gives the reader their language wherever a value exists, and the English where none does.
/// </summary>
public sealed class ContentDictionary
{
    private readonly IReadOnlyDictionary<(string Field, int Item), string> _values;
    private readonly IReadOnlyDictionary<int, int> _venueOfRoom;

    public ContentDictionary(string language, IReadOnlyDictionary<(string Field, int Item), string> values, IReadOnlyDictionary<int, int> venueOfRoom)
    {
        Language = language;
        _values = values;
        _venueOfRoom = venueOfRoom;
    }

    /// <summary>The reader's language; for English and Chinese the dictionary is empty, as the records hold those.</summary>
    public string Language { get; }

    public bool IsChinese => Language == ContentLanguages.Chinese;

    public bool RightToLeft => ContentLanguages.RightToLeft(Language);

    public static ContentDictionary Empty(string language) => new(language, new Dictionary<(string, int), string>(), new Dictionary<int, int>());

    public string? Find(string field, int item) => _values.GetValueOrDefault((field, item));

    /// <summary>The language a text is shown in: the reader's where the edition has it, otherwise English.</summary>
    public string LanguageOf(string field, int? item) =>
        _values.Count > 0 && item is { } id && _values.ContainsKey((field, id)) ? Language : IsChinese ? Language : ContentLanguages.English;

    /// <summary><c>rtl</c> for a text shown in a right-to-left language, otherwise null (no attribute).</summary>
    public string? DirectionOf(string field, int? item) => ContentLanguages.RightToLeft(LanguageOf(field, item)) ? "rtl" : null;

    public string Or(string field, int item, string english) => Find(field, item) ?? english;

    public string? OrNull(string field, int item, string? english) => Find(field, item) ?? english;

    /// <summary>A copy of the forum whose English name, theme and place are the reader's language where given.</summary>
    public Forum Apply(Forum forum)
    {
        if (_values.Count == 0)
        {
            return forum;
        }

        var copy = forum.Copy();
        copy.NameEn = Or(ContentFields.ForumName, forum.Id, forum.NameEn);
        copy.ThemeEn = OrNull(ContentFields.ForumTheme, forum.Id, forum.ThemeEn);
        copy.PlaceEn = Or(ContentFields.ForumPlace, forum.Id, forum.PlaceEn);
        return copy;
    }

    public AgendaSession Apply(AgendaSession s) => _values.Count == 0 ? s : s with
    {
        TitleEn = Or(ContentFields.SessionTitle, s.Id, s.TitleEn),
        AbstractEn = OrNull(ContentFields.SessionAbstract, s.Id, s.AbstractEn),
        RoomEn = s.RoomId is { } room ? OrNull(ContentFields.RoomName, room, s.RoomEn) : s.RoomEn,
        VenueEn = s.RoomId is { } r && _venueOfRoom.TryGetValue(r, out var venue) ? OrNull(ContentFields.VenueName, venue, s.VenueEn) : s.VenueEn,
        TrackEn = s.TrackId is { } track ? OrNull(ContentFields.TrackName, track, s.TrackEn) : s.TrackEn,
    };

    /// <summary>A detached copy of a registration question whose English text and choices are the reader's language where given.</summary>
    public Question Apply(Question q) => _values.Count == 0 ? q : new Question
    {
        Id = q.Id, ForumId = q.ForumId, Kind = q.Kind, TextEn = Or(ContentFields.QuestionText, q.Id, q.TextEn), TextZh = q.TextZh, Required = q.Required,
        Position = q.Position, Retired = q.Retired,
        Choices = q.Choices.Select(c => new QuestionChoice
        {
            Id = c.Id, QuestionId = c.QuestionId, TextEn = Or(ContentFields.ChoiceText, c.Id, c.TextEn), TextZh = c.TextZh, Position = c.Position,
        }).ToList(),
    };

    public List<AgendaSession> Apply(IEnumerable<AgendaSession> sessions) => sessions.Select(Apply).ToList();

    public ReleasedAgenda Apply(ReleasedAgenda agenda) => _values.Count == 0 ? agenda : agenda with { Sessions = Apply(agenda.Sessions) };
}
