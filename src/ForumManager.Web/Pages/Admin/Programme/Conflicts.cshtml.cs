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

/// <summary>Every conflict in the draft programme in one list, errors first, each linked to its session.</summary>
public sealed class ConflictsModel(ForumDbContext db, CurrentForum current, ProgrammeConflicts conflicts, IStringLocalizer<SharedResource> text) : PageModel
{
    public sealed record Row(ConflictSeverity Severity, ConflictKind Kind, int SessionId, string Session, string Text);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum)
        {
            return NotFound();
        }

        var forumId = forum.Id;
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.ForumId == forumId).ToListAsync(ct);
        var rooms = await db.Rooms.AsNoTracking().Where(r => r.ForumId == forumId).ToDictionaryAsync(r => r.Id, r => UiLanguage.Chinese ? r.NameZh : r.NameEn, ct);
        var words = await SessionConflictWords.ForAsync(db, forumId, sessions, rooms, text, ct);
        var titles = sessions.ToDictionary(s => s.Id, s => UiLanguage.Chinese ? s.TitleZh : s.TitleEn);
        Rows = (await conflicts.FindAsync(forum, ct))
            .Select(c => new Row(c.Severity, c.Kind, c.SessionId, titles.GetValueOrDefault(c.SessionId, "?"), words.Describe(c, c.SessionId)))
            .OrderByDescending(r => r.Severity).ThenBy(r => r.Kind).ThenBy(r => r.Session, StringComparer.Ordinal).ToList();
        return Page();
    }
}
