using ForumManager.Core.Programme;
using ForumManager.Data;
using ForumManager.Features.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Features.Programme;

/// <summary>Conflict words that name the other session from the point of view of the one shown.</summary>
public sealed class SessionConflictWords(IStringLocalizer text, IReadOnlyDictionary<int, string> titles, IReadOnlyDictionary<int, string> rooms,
    IReadOnlyDictionary<int, string> delegates, IReadOnlyDictionary<int, string> guests)
{
    /// <summary>Conflict words for this edition: session titles, room names, people's names.</summary>
    public static async Task<SessionConflictWords> ForAsync(ForumDbContext db, int forumId, IReadOnlyList<Session> sessions,
        IReadOnlyDictionary<int, string> rooms, IStringLocalizer text, CancellationToken ct)
    {
        var delegates = await db.SessionPeople.AsNoTracking().Where(p => p.DelegateId != null)
            .Join(db.Delegates.Where(d => d.ForumId == forumId), p => p.DelegateId, d => d.Id, (p, d) => new { d.Id, d.FamilyName, d.GivenName })
            .Distinct().ToDictionaryAsync(d => d.Id, d => $"{d.FamilyName.ToUpperInvariant()} {d.GivenName}", ct);
        var guests = await db.Guests.AsNoTracking().Where(g => g.ForumId == forumId).ToDictionaryAsync(g => g.Id, g => UiLanguage.Chinese && g.NameZh != null ? g.NameZh : g.NameEn, ct);
        var titles = sessions.ToDictionary(s => s.Id, s => UiLanguage.Chinese ? s.TitleZh : s.TitleEn);
        return new SessionConflictWords(text, titles, rooms, delegates, guests);
    }

    public string Describe(Conflict conflict, int shownSession)
    {
        var other = conflict.SessionId == shownSession ? conflict.Other : conflict.SessionId;
        var words = new ConflictWords(text,
            id => titles.GetValueOrDefault(id, "?"),
            id => rooms.GetValueOrDefault(id, "?"),
            person => person.Kind == PersonKind.Delegate ? delegates.GetValueOrDefault(person.Id, "?") : guests.GetValueOrDefault(person.Id, "?"));
        return words.Describe(conflict with { Other = other });
    }

    public string Name(PersonKey person) =>
        person.Kind == PersonKind.Delegate ? delegates.GetValueOrDefault(person.Id, "?") : guests.GetValueOrDefault(person.Id, "?");
}
