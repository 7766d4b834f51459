using ForumManager.Core.Forums;
using ForumManager.Core.Programme;
using ForumManager.Data;
using ForumManager.Web.Infrastructure;
using ForumManager.Web.Programme;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Pages.Admin.Programme;

/// <summary>The draft programme by day, each session with its conflicts, and every conflict in one list.</summary>
public sealed class IndexModel(ForumDbContext db, CurrentForum current, ProgrammeConflicts conflicts, IStringLocalizer<SharedResource> text) : PageModel
{
    public sealed record Row(Session Session, DateTime LocalStart, DateTime LocalEnd, string? Room, IReadOnlyList<(ConflictSeverity Severity, string Text)> Problems);

    public Forum Forum { get; private set; } = null!;
    public IReadOnlyList<IGrouping<DateOnly, Row>> Days { get; private set; } = [];
    public int Errors { get; private set; }
    public int Warnings { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum)
        {
            return NotFound();
        }

        Forum = forum;
        var forumId = forum.Id;
        var sessions = await db.Sessions.AsNoTracking().Include(s => s.Track).Where(s => s.ForumId == forumId)
            .OrderBy(s => s.StartUtc).ThenBy(s => s.RoomId).ToListAsync(ct);
        var rooms = await db.Rooms.AsNoTracking().Where(r => r.ForumId == forumId).ToDictionaryAsync(r => r.Id, r => ForumManager.Web.Infrastructure.UiLanguage.Chinese ? r.NameZh : r.NameEn, ct);
        var words = await WordsAsync(db, forumId, sessions, rooms, text, ct);
        var found = await conflicts.FindAsync(forum, ct);
        Errors = found.Count(c => c.Severity == ConflictSeverity.Error);
        Warnings = found.Count - Errors;
        Days = sessions.Select(s => new Row(s, ForumTime.ToLocal(s.StartUtc, forum.TimeZone), ForumTime.ToLocal(s.EndUtc, forum.TimeZone),
                s.RoomId is { } roomId ? rooms.GetValueOrDefault(roomId) : null,
                found.Where(c => c.SessionId == s.Id || c.Other == s.Id).Select(c => (c.Severity, words.Describe(c, s.Id))).ToList()))
            .GroupBy(r => DateOnly.FromDateTime(r.LocalStart)).ToList();
        return Page();
    }

    /// <summary>Conflict words for this edition: session titles, room names, people's names.</summary>
    public static async Task<SessionConflictWords> WordsAsync(ForumDbContext db, int forumId, IReadOnlyList<Session> sessions,
        IReadOnlyDictionary<int, string> rooms, IStringLocalizer text, CancellationToken ct)
    {
        var delegates = await db.SessionPeople.AsNoTracking().Where(p => p.DelegateId != null)
            .Join(db.Delegates.Where(d => d.ForumId == forumId), p => p.DelegateId, d => d.Id, (p, d) => new { d.Id, d.FamilyName, d.GivenName })
            .Distinct().ToDictionaryAsync(d => d.Id, d => $"{d.FamilyName.ToUpperInvariant()} {d.GivenName}", ct);
        var guests = await db.Guests.AsNoTracking().Where(g => g.ForumId == forumId).ToDictionaryAsync(g => g.Id, g => ForumManager.Web.Infrastructure.UiLanguage.Chinese && g.NameZh != null ? g.NameZh : g.NameEn, ct);
        var titles = sessions.ToDictionary(s => s.Id, s => ForumManager.Web.Infrastructure.UiLanguage.Chinese ? s.TitleZh : s.TitleEn);
        return new SessionConflictWords(text, titles, rooms, delegates, guests);
    }
}

/// <summary>Conflict words that name the other session from the point of view of the one shown.</summary>
public sealed class SessionConflictWords(IStringLocalizer text, IReadOnlyDictionary<int, string> titles, IReadOnlyDictionary<int, string> rooms,
    IReadOnlyDictionary<int, string> delegates, IReadOnlyDictionary<int, string> guests)
{
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
