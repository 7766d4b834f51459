using ForumManager.Core.Forums;
using ForumManager.Core.Programme;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Forums;
using ForumManager.Features.Programme;
using ForumManager.Features.Text;
using ForumManager.Web.Infrastructure;
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
        var rooms = await db.Rooms.AsNoTracking().Where(r => r.ForumId == forumId).ToDictionaryAsync(r => r.Id, r => UiLanguage.Chinese ? r.NameZh : r.NameEn, ct);
        var words = await SessionConflictWords.ForAsync(db, forumId, sessions, rooms, text, ct);
        var found = await conflicts.FindAsync(forum, ct);
        Errors = found.Count(c => c.Severity == ConflictSeverity.Error);
        Warnings = found.Count - Errors;
        Days = sessions.Select(s => new Row(s, ForumTime.ToLocal(s.StartUtc, forum.TimeZone), ForumTime.ToLocal(s.EndUtc, forum.TimeZone),
                s.RoomId is { } roomId ? rooms.GetValueOrDefault(roomId) : null,
                found.Where(c => c.SessionId == s.Id || c.Other == s.Id).Select(c => (c.Severity, words.Describe(c, s.Id))).ToList()))
            .GroupBy(r => DateOnly.FromDateTime(r.LocalStart)).ToList();
        return Page();
    }
}
