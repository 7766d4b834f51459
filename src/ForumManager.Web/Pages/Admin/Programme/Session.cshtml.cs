using System.ComponentModel.DataAnnotations;
using System.Globalization;
using ForumManager.Core.Auditing;
using ForumManager.Core.Forums;
using ForumManager.Core.Programme;
using ForumManager.Core.Text;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Forums;
using ForumManager.Features.Notices;
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
/// One session of the draft programme: what, when, where, who. A save that would book a room or a person twice is
/// refused with the clash named; warnings (room too small, outside opening hours, too little time to travel) are shown
/// on the session once saved.
/// </summary>
public sealed class SessionModel(ForumDbContext db, CurrentForum current, ProgrammeConflicts conflicts, UserManager<ForumUser> users,
    TimeProvider clock, IStringLocalizer<SharedResource> text, Enrolments enrolments, ForumManager.Mail.MailQueue mail, NoticeRenderer notices) : PageModel
{
    public const int MaxMinutes = 24 * 60;

    public sealed class SessionInput
    {
        [Display(Name = "Programme_Type")]
        public SessionType Type { get; set; } = SessionType.SpecialTopicForum;

        [Required(ErrorMessage = "Validation_Required"), StringLength(300, ErrorMessage = "Validation_MaxLength"), Display(Name = "Programme_TitleEn")]
        public string TitleEn { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation_Required"), StringLength(300, ErrorMessage = "Validation_MaxLength"), Display(Name = "Programme_TitleZh")]
        public string TitleZh { get; set; } = string.Empty;

        [StringLength(4000, ErrorMessage = "Validation_MaxLength"), Display(Name = "Programme_AbstractEn")]
        public string? AbstractEn { get; set; }

        [StringLength(4000, ErrorMessage = "Validation_MaxLength"), Display(Name = "Programme_AbstractZh")]
        public string? AbstractZh { get; set; }

        [Display(Name = "Programme_Track")]
        public int? TrackId { get; set; }

        [Display(Name = "Programme_Room")]
        public int? RoomId { get; set; }

        [Required(ErrorMessage = "Validation_Required"), Display(Name = "Programme_Day")]
        public DateOnly? Day { get; set; }

        [Required(ErrorMessage = "Validation_Required"), Display(Name = "Programme_Start")]
        public TimeOnly? Start { get; set; }

        [Range(5, MaxMinutes, ErrorMessage = "Validation_Range"), Display(Name = "Programme_Minutes")]
        public int Minutes { get; set; } = 60;

        [Range(1, 100_000, ErrorMessage = "Validation_Range"), Display(Name = "Programme_Capacity")]
        public int? Capacity { get; set; }

        [Range(1, 100_000, ErrorMessage = "Validation_Range"), Display(Name = "Programme_Expected")]
        public int? ExpectedAttendance { get; set; }

        [RegularExpression("^[a-z]{2,3}(-[A-Za-z]{2,4})?(,[a-z]{2,3}(-[A-Za-z]{2,4})?)*$", ErrorMessage = "Programme_LanguagesFormat"), Display(Name = "Programme_Languages")]
        public string Languages { get; set; } = "zh,en";

        [Display(Name = "Programme_Interpretation")]
        public InterpretationMode Interpretation { get; set; }

        [RegularExpression("^[a-z]{2,3}-[a-z]{2,3}$", ErrorMessage = "Programme_PairFormat"), Display(Name = "Programme_InterpretationLanguages")]
        public string? InterpretationLanguages { get; set; }

        [Display(Name = "Programme_Public")]
        public bool IsPublic { get; set; } = true;

        public List<string> Speakers { get; set; } = [];
        public List<string> Moderators { get; set; } = [];
        public List<string> Participants { get; set; } = [];
        public List<string> Interpreters { get; set; } = [];
    }

    [BindProperty]
    public SessionInput Input { get; set; } = new();

    public int? Id { get; private set; }
    public Forum Forum { get; private set; } = null!;
    public IReadOnlyList<(int Id, string Name)> Rooms { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Tracks { get; private set; } = [];

    /// <summary>Everyone who can take a part, as "d:12" (a delegate) or "g:3" (a guest), in protocol order.</summary>
    public IReadOnlyList<(string Key, string Name, bool Interpreter)> People { get; private set; } = [];

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

        var forumId = Forum.Id;
        if (await db.Sessions.AsNoTracking().Include(s => s.People).SingleOrDefaultAsync(s => s.Id == id && s.ForumId == forumId, ct) is not { } session)
        {
            return NotFound();
        }

        Id = session.Id;
        var starts = ForumTime.ToLocal(session.StartUtc, Forum.TimeZone);
        Input = new SessionInput
        {
            Type = session.Type, TitleEn = session.TitleEn, TitleZh = session.TitleZh, AbstractEn = session.AbstractEn, AbstractZh = session.AbstractZh,
            TrackId = session.TrackId, RoomId = session.RoomId, Day = DateOnly.FromDateTime(starts), Start = TimeOnly.FromDateTime(starts),
            Minutes = (int)session.Duration.TotalMinutes, Capacity = session.Capacity, ExpectedAttendance = session.ExpectedAttendance,
            Languages = session.Languages, Interpretation = session.Interpretation, InterpretationLanguages = session.InterpretationLanguages,
            IsPublic = session.IsPublic,
            Speakers = Keys(session, SessionRole.Speaker), Moderators = Keys(session, SessionRole.Moderator),
            Participants = Keys(session, SessionRole.Participant), Interpreters = Keys(session, SessionRole.Interpreter),
        };
        await DescribeAsync(ProgrammeConflicts.Plan(session), (await conflicts.CheckAsync(Forum, ProgrammeConflicts.Plan(session), ct)), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var forumId = Forum.Id;
        Session? session = null;
        if (id is not null)
        {
            session = await db.Sessions.Include(s => s.People).SingleOrDefaultAsync(s => s.Id == id && s.ForumId == forumId, ct);
            if (session is null)
            {
                return NotFound();
            }

            Id = session.Id;
        }

        Input.TitleEn = PersonName.Clean(Input.TitleEn);
        Input.TitleZh = PersonName.Clean(Input.TitleZh);
        Input.AbstractEn = CleanText(Input.AbstractEn);
        Input.AbstractZh = CleanText(Input.AbstractZh);
        Input.Languages = (Input.Languages ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        Input.InterpretationLanguages = string.IsNullOrWhiteSpace(Input.InterpretationLanguages) ? null : Input.InterpretationLanguages.Trim().ToLowerInvariant();
        foreach (var list in new[] { Input.Speakers, Input.Moderators, Input.Participants, Input.Interpreters })
        {
            list.RemoveAll(string.IsNullOrWhiteSpace);
        }

        Validate();
        if (Input.Day is { } day && Input.Start is { } start && !ForumTime.Exists(day, start, Forum.TimeZone))
        {
            ModelState.AddModelError("Input.Start", text["Programme_TimeSkipped"].Value);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var people = Parts();
        var startUtc = ForumTime.ToUtc(Input.Day!.Value, Input.Start!.Value, Forum.TimeZone);
        var candidate = new PlannedSession(session?.Id ?? ProgrammeConflicts.Unsaved, Input.RoomId, startUtc, startUtc.AddMinutes(Input.Minutes),
            Math.Max(Input.ExpectedAttendance ?? 0, Input.Capacity ?? 0), people.Select(p => p.Key).Distinct().ToList());
        var found = await conflicts.CheckAsync(Forum, candidate, ct);
        await DescribeAsync(candidate, found, ct);
        // A clash is said once, in the list of problems above the form (not again in the form's summary), and nothing is saved.
        if (found.Any(c => c.Severity == ConflictSeverity.Error))
        {
            return Page();
        }

        if (session is not null && Input.Capacity is { } seats && seats < session.EnrolledCount)
        {
            ModelState.AddModelError("Input.Capacity", text["Programme_CapacityBelowEnrolled", session.EnrolledCount]);
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var before = session is null ? null : Describe(session);
        var isNew = session is null;
        session ??= new Session { ForumId = forumId, TitleEn = Input.TitleEn, TitleZh = Input.TitleZh };
        var moved = !isNew && (session.StartUtc != startUtc || session.EndUtc != candidate.EndUtc || session.RoomId != Input.RoomId
            || session.TitleEn != Input.TitleEn || session.TitleZh != Input.TitleZh);
        session.Type = Input.Type;
        session.TitleEn = Input.TitleEn;
        session.TitleZh = Input.TitleZh;
        session.AbstractEn = Input.AbstractEn;
        session.AbstractZh = Input.AbstractZh;
        session.TrackId = Input.TrackId;
        session.RoomId = Input.RoomId;
        session.StartUtc = startUtc;
        session.EndUtc = candidate.EndUtc;
        session.Capacity = Input.Capacity;
        session.ExpectedAttendance = Input.ExpectedAttendance;
        session.Languages = Input.Languages;
        session.Interpretation = Input.Interpretation;
        session.InterpretationLanguages = Input.Interpretation == InterpretationMode.None ? null : Input.InterpretationLanguages;
        session.IsPublic = Input.IsPublic;
        session.Sequence += moved ? 1 : 0;
        session.UpdatedUtc = now;
        db.SessionPeople.RemoveRange(session.People);
        session.People = people.Select(p => p.Part).ToList();
        if (isNew)
        {
            db.Sessions.Add(session);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        db.AuditEntries.Add(new Actor(users.GetUserId(User), User.Identity?.Name ?? "organizer")
            .Audit(forumId, now, nameof(Session), session.Id, isNew ? "added" : "edited", before, Describe(session)));
        await db.SaveChangesAsync(ct);
        if (!isNew)
        {
            // Seats added (or the limit lifted) go to those waiting, in order, before any newcomer.
            await enrolments.FillFreedSeatsAsync(session.Id, ct);
        }

        await transaction.CommitAsync(ct);
        TempData["Status"] = text["Programme_Saved"].Value;
        return Redirect($"/admin/programme/session/{session.Id}");
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

        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // Those enrolled are told now: deleting the session takes their enrolments with it, so no release could tell them later.
        var session = await db.Sessions.AsNoTracking().Include(s => s.Room).FirstOrDefaultAsync(s => s.Id == id && s.ForumId == forumId, ct);
        if (session is null)
        {
            return NotFound();
        }

        var enrolledIds = await db.Enrolments.AsNoTracking().Where(e => e.SessionId == id).Select(e => e.DelegateId).ToListAsync(ct);
        var enrolled = await db.Delegates.AsNoTracking().Include(d => d.Delegation).Where(d => enrolledIds.Contains(d.Id)).ToListAsync(ct);
        foreach (var person in enrolled)
        {
            var extras = new NoticeExtras(session.TitleEn, session.TitleZh, session.StartUtc, session.Room?.NameEn, session.Room?.NameZh) { SessionRemoved = true };
            mail.Add(await notices.RenderAsync(forum, person, Core.Notices.NoticeKind.ProgrammeChange, extras, ct));
        }

        if (await db.Sessions.Where(s => s.Id == id && s.ForumId == forumId).ExecuteDeleteAsync(ct) == 0)
        {
            return NotFound();
        }

        db.AuditEntries.Add(new Actor(users.GetUserId(User), User.Identity?.Name ?? "organizer")
            .Audit(forumId, clock.GetUtcNow().UtcDateTime, nameof(Session), id, "deleted"));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        mail.NotifySaved();
        TempData["Status"] = text["Programme_Deleted"].Value;
        return Redirect("/admin/programme");
    }

    private static List<string> Keys(Session session, SessionRole role) => session.People.Where(p => p.Role == role).OrderBy(p => p.Position)
        .Select(p => p.DelegateId is { } d ? $"d:{d}" : $"g:{p.GuestId}").ToList();

    private static string? CleanText(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : string.Join('\n', value.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n').Select(PersonName.Clean)).Trim();

    private void Validate()
    {
        void Error(string field, string key, params object[] args) => ModelState.AddModelError("Input." + field, text[key, args]);
        if (!Enum.IsDefined(Input.Type))
        {
            Error(nameof(Input.Type), "Validation_Choose");
        }

        if (!Enum.IsDefined(Input.Interpretation))
        {
            Error(nameof(Input.Interpretation), "Validation_Choose");
        }
        else if (Input.Interpretation != InterpretationMode.None && Input.InterpretationLanguages is null)
        {
            Error(nameof(Input.InterpretationLanguages), "Programme_PairFormat");
        }

        if (Input.RoomId is { } room && Rooms.All(r => r.Id != room))
        {
            Error(nameof(Input.RoomId), "Validation_Choose");
        }

        if (Input.TrackId is { } track && Tracks.All(t => t.Id != track))
        {
            Error(nameof(Input.TrackId), "Validation_Choose");
        }

        if (Input.Day is { } day && (day < Forum.StartDate.AddDays(-7) || day > Forum.EndDate.AddDays(7)))
        {
            Error(nameof(Input.Day), "Programme_DayOutside", Dates.Range(Forum.StartDate, Forum.EndDate));
        }

        foreach (var (field, text_) in new[] { (nameof(Input.TitleEn), Input.TitleEn), (nameof(Input.TitleZh), Input.TitleZh),
            (nameof(Input.AbstractEn), Input.AbstractEn ?? string.Empty), (nameof(Input.AbstractZh), Input.AbstractZh ?? string.Empty) })
        {
            if (text_.IndexOfAny(['<', '>']) >= 0)
            {
                Error(field, "Validation_NoMarkup");
            }
        }

        var known = People.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (field, keys) in new[] { (nameof(Input.Speakers), Input.Speakers), (nameof(Input.Moderators), Input.Moderators),
            (nameof(Input.Participants), Input.Participants), (nameof(Input.Interpreters), Input.Interpreters) })
        {
            if (keys.Any(k => !known.Contains(k)))
            {
                Error(field, "Validation_Choose");
            }
        }
    }

    private List<(SessionPerson Part, PersonKey Key)> Parts()
    {
        var parts = new List<(SessionPerson, PersonKey)>();
        foreach (var (role, keys) in new[] { (SessionRole.Speaker, Input.Speakers), (SessionRole.Moderator, Input.Moderators),
            (SessionRole.Participant, Input.Participants), (SessionRole.Interpreter, Input.Interpreters) })
        {
            var position = 0;
            foreach (var key in keys.Distinct(StringComparer.Ordinal))
            {
                var id = int.Parse(key[2..], CultureInfo.InvariantCulture);
                var person = key[0] == 'd' ? new PersonKey(PersonKind.Delegate, id)
                    : new PersonKey(GuestKinds.GetValueOrDefault(id) == GuestKind.Interpreter ? PersonKind.Interpreter : PersonKind.Guest, id);
                parts.Add((new SessionPerson
                {
                    Role = role, Position = ++position,
                    DelegateId = key[0] == 'd' ? id : null,
                    GuestId = key[0] == 'g' ? id : null,
                }, person));
            }
        }

        return parts;
    }

    private Dictionary<int, GuestKind> GuestKinds { get; set; } = [];

    private async Task DescribeAsync(PlannedSession candidate, IReadOnlyList<Conflict> found, CancellationToken ct)
    {
        var forumId = Forum.Id;
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.ForumId == forumId).ToListAsync(ct);
        var words = await SessionConflictWords.ForAsync(db, forumId, sessions, Rooms.ToDictionary(r => r.Id, r => r.Name), text, ct);
        Problems = found.Select(c => (c.Severity, words.Describe(c, candidate.Id))).ToList();
    }

    private static string Describe(Session s)
    {
        var people = string.Join(", ", s.People.Select(p => $"{p.Role} {(p.DelegateId is { } d ? "d" + d : "g" + p.GuestId)}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"{s.Type} {s.TitleEn} / {s.TitleZh}\n{s.StartUtc:yyyy-MM-dd HH:mm}Z–{s.EndUtc:HH:mm}Z room {s.RoomId} track {s.TrackId}\ncapacity {s.Capacity} expected {s.ExpectedAttendance} {(s.IsPublic ? "public" : "invitation only")}\n{people}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum)
        {
            return false;
        }

        Forum = forum;
        var forumId = forum.Id;
        Rooms = (await db.Rooms.AsNoTracking().Include(r => r.Venue).Where(r => r.ForumId == forumId).OrderBy(r => r.VenueId).ThenBy(r => r.NameEn)
            .ToListAsync(ct)).Select(r => (r.Id, UiLanguage.Chinese ? $"{r.Venue!.NameZh} · {r.NameZh} ({r.Capacity})" : $"{r.Venue!.NameEn} · {r.NameEn} ({r.Capacity})")).ToList();
        Tracks = (await db.Tracks.AsNoTracking().Where(t => t.ForumId == forumId).OrderBy(t => t.Id).ToListAsync(ct)).Select(t => (t.Id, UiLanguage.Chinese ? t.NameZh : t.NameEn)).ToList();
        var guests = await db.Guests.AsNoTracking().Where(g => g.ForumId == forumId).OrderBy(g => g.NameEn).ToListAsync(ct);
        GuestKinds = guests.ToDictionary(g => g.Id, g => g.Kind);
        var delegates = await db.Delegates.AsNoTracking()
            .Where(d => d.ForumId == forumId && d.Status != Core.Delegates.RegistrationStatus.Cancelled && d.Status != Core.Delegates.RegistrationStatus.Rejected)
            .OrderBy(d => d.PrecedenceRank).ThenBy(d => d.FamilyName).Select(d => new { d.Id, d.FamilyName, d.GivenName, d.NativeName }).ToListAsync(ct);
        People = guests.Select(g => ($"g:{g.Id}", $"{g.NameEn}{(g.NameZh is null ? string.Empty : " " + g.NameZh)} ({text["GuestKind_" + g.Kind]})", g.Kind == GuestKind.Interpreter))
            .Concat(delegates.Select(d => ($"d:{d.Id}", $"{d.FamilyName.ToUpperInvariant()} {d.GivenName}{(d.NativeName is null ? string.Empty : " " + d.NativeName)}", false)))
            .ToList();
        return true;
    }
}
