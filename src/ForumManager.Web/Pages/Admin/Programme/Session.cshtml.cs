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
/// One session of the draft programme: what, when, where, who, written through the <see cref="ProgrammeEditor"/>. A save
/// that would book a room or a person twice is refused with the clash named; warnings (room too small, outside opening
/// hours, too little time to travel) are shown on the session once saved.
/// </summary>
public sealed class SessionModel(ForumDbContext db, CurrentForum current, ProgrammeEditor editor, ProgrammeConflicts conflicts, UserManager<ForumUser> users,
    IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public SessionInput Input { get; set; } = new();

    public int? Id { get; private set; }
    public Forum Forum { get; private set; } = null!;
    private SessionChoices _choices = new([], [], [], new Dictionary<int, GuestKind>());

    public IReadOnlyList<(int Id, string Name)> Rooms => _choices.Rooms;
    public IReadOnlyList<(int Id, string Name)> Tracks => _choices.Tracks;

    /// <summary>Everyone who can take a part, as "d:12" (a delegate) or "g:3" (a guest), in protocol order.</summary>
    public IReadOnlyList<(string Key, string Name, bool Interpreter)> People => _choices.People;

    public IReadOnlyList<(ConflictSeverity Severity, string Text)> Problems { get; private set; } = [];

    /// <summary>Set when a deletion was asked for without its confirmation: the page then only asks.</summary>
    public ConfirmStep? Confirmation { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, int? room, DateOnly? day, TimeOnly? start, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (id is null)
        {
            // A new session, perhaps from an empty slot of the grid.
            Input.Day = day ?? Forum.StartDate;
            Input.Start = start ?? new TimeOnly(9, 0);
            Input.RoomId = room is { } r && Rooms.Any(x => x.Id == r) ? r : null;
            return Page();
        }

        if (await editor.FindAsync(Forum, id.Value, ct) is not { } session)
        {
            return NotFound();
        }

        Id = session.Id;
        Input = ProgrammeEditor.Input(session, Forum);
        var plan = ProgrammeConflicts.Plan(session);
        await DescribeAsync(plan, await conflicts.CheckAsync(Forum, plan, ct), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Session? session = null;
        if (id is not null)
        {
            session = await editor.FindAsync(Forum, id.Value, ct);
            if (session is null)
            {
                return NotFound();
            }

            Id = session.Id;
        }

        var errors = new FieldErrors();
        editor.Check(Forum, Input, _choices, errors);
        ModelState.AddErrors(errors);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        errors = new FieldErrors();
        var save = await editor.SaveAsync(Forum, session, Input, _choices, new Actor(users.GetUserId(User), User.Identity?.Name ?? "organizer"), errors, ct);
        // A clash is said once, in the list of problems above the form (not again in the form's summary), and nothing is saved.
        await DescribeAsync(save.Candidate, save.Conflicts, ct);
        ModelState.AddErrors(errors);
        if (save.SavedId is not { } savedId)
        {
            return Page();
        }

        TempData["Status"] = text["Programme_Saved"].Value;
        return Redirect($"/admin/programme/session/{savedId}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, [FromForm(Name = ConfirmStep.Field)] bool confirm, CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum)
        {
            return NotFound();
        }

        var forumId = forum.Id;
        if (!confirm)
        {
            var found = await db.Sessions.AsNoTracking().Where(s => s.Id == id && s.ForumId == forumId)
                .Select(s => new { s.TitleEn, s.TitleZh, Enrolled = db.Enrolments.Count(e => e.SessionId == s.Id), People = s.People.Count })
                .SingleOrDefaultAsync(ct);
            if (found is null)
            {
                return NotFound();
            }

            Id = id;
            Confirmation = new ConfirmStep(text["Programme_ConfirmDelete", UiLanguage.Chinese ? found.TitleZh : found.TitleEn],
            [
                found.Enrolled > 0 ? text["Programme_ConfirmDeleteEnrolled", found.Enrolled] : text["Programme_ConfirmDeleteNoneEnrolled"],
                text["Programme_ConfirmDeletePeople", found.People],
                text["Confirm_CannotUndo"],
            ], text["Programme_Delete"], $"/admin/programme/session/{id}");
            return Page();
        }

        if (!await editor.DeleteAsync(forum, id, new Actor(users.GetUserId(User), User.Identity?.Name ?? "organizer"), ct))
        {
            return NotFound();
        }

        TempData["Status"] = text["Programme_Deleted"].Value;
        return Redirect("/admin/programme");
    }

    private async Task DescribeAsync(PlannedSession candidate, IReadOnlyList<Conflict> found, CancellationToken ct)
    {
        var forumId = Forum.Id;
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.ForumId == forumId).ToListAsync(ct);
        var words = await SessionConflictWords.ForAsync(db, forumId, sessions, Rooms.ToDictionary(r => r.Id, r => r.Name), text, ct);
        Problems = found.Select(c => (c.Severity, words.Describe(c, candidate.Id))).ToList();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum)
        {
            return false;
        }

        Forum = forum;
        _choices = await editor.ChoicesAsync(forum, ct);
        return true;
    }
}
