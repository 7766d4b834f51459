using ForumManager.Core.Auditing;
using ForumManager.Core.Forums;
using ForumManager.Core.Programme;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Forums;
using ForumManager.Features.Programme;
using ForumManager.Features.Text;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Pages.Admin.Programme;

/// <summary>
/// One day of the draft as a grid of rooms and quarter hours, as pretalx shows it. Every session can be moved with
/// its own small form (keyboard and screen readers) or, with the script, dragged to another room or time; an empty
/// slot links to a new session there. A move that would book a room or a person twice is refused with the clash named.
/// </summary>
public sealed class GridModel(ForumDbContext db, CurrentForum current, ProgrammeEditor editor, UserManager<ForumUser> users,
    IStringLocalizer<SharedResource> text) : PageModel
{
    public static readonly TimeSpan Slot = TimeSpan.FromMinutes(15);

    public sealed record Cell(Session? Session, int Rows, bool Covered);

    [BindProperty(SupportsGet = true)]
    public DateOnly? Day { get; set; }

    public Forum Forum { get; private set; } = null!;
    public IReadOnlyList<DateOnly> Days { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Rooms { get; private set; } = [];
    public IReadOnlyList<TimeOnly> Times { get; private set; } = [];

    /// <summary>[time index][room index]: the session starting there (with how many rows it spans), or a slot an earlier one covers.</summary>
    public Cell[][] Cells { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostMoveAsync(int id, int? roomId, TimeOnly? start, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var forumId = Forum.Id;
        if (await editor.FindAsync(Forum, id, ct) is not { } session)
        {
            return NotFound();
        }

        if (start is null || (roomId is { } room && Rooms.All(r => r.Id != room)))
        {
            TempData.Refusal(text["Grid_BadMove"].Value);
            return Redirect(Back());
        }

        var day = Day ?? DateOnly.FromDateTime(ForumTime.ToLocal(session.StartUtc, Forum.TimeZone));
        var startUtc = ForumTime.ToUtc(day, start.Value, Forum.TimeZone);
        var clashes = await editor.MoveAsync(Forum, session, roomId, startUtc, new Actor(users.GetUserId(User), User.Identity?.Name ?? "organizer"), ct);
        if (clashes.Count > 0)
        {
            var sessions = await db.Sessions.AsNoTracking().Where(s => s.ForumId == forumId).ToListAsync(ct);
            var words = await SessionConflictWords.ForAsync(db, forumId, sessions, Rooms.ToDictionary(r => r.Id, r => r.Name), text, ct);
            TempData.Refusal(text["Grid_Refused", UiLanguage.Chinese ? session.TitleZh : session.TitleEn, string.Join(" ", clashes.Select(c => words.Describe(c, session.Id)))].Value);
            return Redirect(Back());
        }

        TempData["Status"] = text["Grid_Moved", UiLanguage.Chinese ? session.TitleZh : session.TitleEn].Value;
        return Redirect(Back());
    }

    private string Back() => $"/admin/programme/grid?day={(Day ?? Forum.StartDate):yyyy-MM-dd}";

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum)
        {
            return false;
        }

        Forum = forum;
        var forumId = forum.Id;
        var zone = forum.TimeZone;
        var all = await db.Sessions.AsNoTracking().Where(s => s.ForumId == forumId).OrderBy(s => s.StartUtc).ToListAsync(ct);
        Days = all.Select(s => DateOnly.FromDateTime(ForumTime.ToLocal(s.StartUtc, zone))).Append(forum.StartDate).Distinct().Order().ToList();
        Day = Day is { } chosen && chosen >= forum.StartDate.AddDays(-7) && chosen <= forum.EndDate.AddDays(7) ? chosen : Days[0];
        Rooms = (await db.Rooms.AsNoTracking().Include(r => r.Venue).Where(r => r.ForumId == forumId).OrderBy(r => r.VenueId).ThenBy(r => r.Id).ToListAsync(ct))
            .Select(r => (r.Id, UiLanguage.Chinese ? r.NameZh : r.NameEn)).ToList();
        var day = Day.Value;
        var sessions = all.Where(s => s.RoomId is not null && DateOnly.FromDateTime(ForumTime.ToLocal(s.StartUtc, zone)) == day).ToList();
        var first = sessions.Count == 0 ? new TimeOnly(8, 0) : TimeOnly.FromDateTime(ForumTime.ToLocal(sessions.Min(s => s.StartUtc), zone));
        var last = sessions.Count == 0 ? new TimeOnly(18, 0) : TimeOnly.FromDateTime(ForumTime.ToLocal(sessions.Max(s => s.EndUtc), zone));
        var from = new TimeOnly(Math.Min(first.Hour, 8), 0);
        var until = last < from || last.Hour >= 23 ? new TimeOnly(23, 45) : new TimeOnly(Math.Max(last.Hour, 18), 45);
        var times = new List<TimeOnly>();
        for (var t = from; t <= until && times.Count < 96; t = t.Add(Slot))
        {
            times.Add(t);
            if (t == new TimeOnly(23, 45))
            {
                break;
            }
        }

        Times = times;
        Cells = times.Select(_ => Rooms.Select(_ => new Cell(null, 1, false)).ToArray()).ToArray();
        foreach (var session in sessions)
        {
            var column = Rooms.ToList().FindIndex(r => r.Id == session.RoomId);
            var local = TimeOnly.FromDateTime(ForumTime.ToLocal(session.StartUtc, zone));
            var row = times.FindIndex(t => t.Add(Slot) > local);
            if (column < 0 || row < 0 || Cells[row][column].Session is not null || Cells[row][column].Covered)
            {
                continue;
            }

            var rows = Math.Max(1, Math.Min(times.Count - row, (int)Math.Ceiling(session.Duration / Slot)));
            for (var r = row + 1; r < row + rows; r++)
            {
                if (Cells[r][column].Session is not null)
                {
                    rows = r - row;
                    break;
                }

                Cells[r][column] = new Cell(null, 1, true);
            }

            Cells[row][column] = new Cell(session, rows, false);
        }

        return true;
    }
}
