using System.ComponentModel.DataAnnotations;
using ForumManager.Core.Auditing;
using ForumManager.Core.Forums;
using ForumManager.Core.Programme;
using ForumManager.Core.Text;
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

/// <summary>What the draft changes since the last release, the releases so far, and publishing the next one.</summary>
public sealed class ReleaseModel(ForumDbContext db, CurrentForum current, ProgrammeReleases releases, ProgrammeConflicts conflicts,
    UserManager<ForumUser> users, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Validation_Required"), StringLength(4000, ErrorMessage = "Validation_MaxLength"), Display(Name = "Release_Changelog")]
    public string Changelog { get; set; } = string.Empty;

    public ReleaseChanges Changes { get; private set; } = new([], [], []);
    public Forum Forum { get; private set; } = null!;
    public IReadOnlyList<ProgrammeRelease> Published { get; private set; } = [];
    public int Errors { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Changelog = PersonName.Clean((Changelog ?? string.Empty).Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", " / ", StringComparison.Ordinal));
        if (Changelog.Length == 0)
        {
            ModelState.AddModelError(nameof(Changelog), text["Validation_Required", text["Release_Changelog"]]);
        }
        else if (Changelog.IndexOfAny(['<', '>']) >= 0)
        {
            ModelState.AddModelError(nameof(Changelog), text["Validation_NoMarkup"]);
        }

        if (Errors > 0)
        {
            ModelState.AddModelError(string.Empty, text["Release_ConflictsFirst", Errors]);
        }

        if (Published.Count > 0 && Changes.Added.Count + Changes.Changed.Count + Changes.Removed.Count == 0)
        {
            // Also what a second click on Publish, or a colleague who published a moment ago, comes to.
            ModelState.AddModelError(string.Empty, text["Release_NothingChanged"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var forum = (await current.GetAsync(ct))!;
        int version;
        try
        {
            version = await releases.PublishAsync(forum, Changelog, new Actor(users.GetUserId(User), User.Identity?.Name ?? "organizer"), ct);
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            // Another organizer published the same version number at the same moment; the unique index kept theirs.
            TempData.Refusal(text["Release_PublishedMeanwhile"].Value);
            return RedirectToPage();
        }

        TempData["Status"] = text["Release_Published", version].Value;
        return RedirectToPage();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum)
        {
            return false;
        }

        Forum = forum;
        var forumId = forum.Id;
        Changes = await releases.PendingChangesAsync(forumId, ct);
        Published = await db.ProgrammeReleases.AsNoTracking().Where(r => r.ForumId == forumId).OrderByDescending(r => r.Version)
            .Select(r => new ProgrammeRelease { Id = r.Id, Version = r.Version, PublishedUtc = r.PublishedUtc, PublishedBy = r.PublishedBy, Changelog = r.Changelog, Snapshot = string.Empty })
            .ToListAsync(ct);
        Errors = (await conflicts.FindAsync(forum, ct)).Count(c => c.Severity == ConflictSeverity.Error);
        return true;
    }

    /// <summary>When a session runs, in the forum's time: "2010-06-23 09:00–10:30".</summary>
    public string When(AgendaSession session)
    {
        var start = ForumTime.ToLocal(session.StartUtc, Forum.TimeZone);
        var end = ForumTime.ToLocal(session.EndUtc, Forum.TimeZone);
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        return $"{start.ToString("yyyy-MM-dd HH:mm", invariant)}–{end.ToString(end.Date == start.Date ? "HH:mm" : "yyyy-MM-dd HH:mm", invariant)}";
    }

    public string Where(AgendaSession session) => session.Room(UiLanguage.Chinese) ?? text["Programme_NoRoom"].Value;

    /// <summary>What differs in a changed session, field by field, as it was and as it will be, in the page's language.</summary>
    public IReadOnlyList<(string Field, string Was, string Now)> Differences(SessionChange change)
    {
        var chinese = UiLanguage.Chinese;
        var (was, now) = (change.Before, change.After);
        var lines = new List<(string, string, string)>();
        if (change.TitleChanged)
        {
            // In the page's language when it changed there, else in the other one, so that the change shows.
            var mine = was.Title(chinese) != now.Title(chinese);
            lines.Add((text["Release_FieldTitle"].Value, was.Title(mine ? chinese : !chinese), now.Title(mine ? chinese : !chinese)));
        }

        if (change.TimeChanged)
            lines.Add((text["Programme_Time"].Value, When(was), When(now)));
        if (change.RoomChanged)
            lines.Add((text["Programme_Room"].Value, Where(was), Where(now)));
        foreach (var role in change.PeopleChanged)
            lines.Add((text["Programme_" + role + "s"].Value, Names(was, role), Names(now, role)));
        return lines;
    }

    private string Names(AgendaSession session, SessionRole role)
    {
        var names = SessionChange.People(session, role).Select(p => UiLanguage.Chinese ? p.NameZh ?? p.NameEn : p.NameEn).ToList();
        return names.Count == 0 ? text["Release_Nobody"].Value : string.Join(UiLanguage.Chinese ? "、" : ", ", names);
    }
}
