using ForumManager.Core.Forums;
using ForumManager.Core.Programme;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Forums;
using ForumManager.Features.Languages;
using ForumManager.Features.Programme;
using ForumManager.Features.Text;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Web.Pages.Agenda;

/// <summary>One released session; a signed-in delegate enrols in it (or its waiting list) or leaves it.</summary>
public sealed class SessionModel(ForumDbContext db, CurrentForum current, ReleasedAgendas releases, Enrolments enrolments,
    UserManager<ForumUser> users, ContentTexts texts, IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>The language the reader asked the programme in (<c>?lang=ru</c>); otherwise the interface's.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Lang { get; set; }

    /// <summary>The language the session's texts are shown in.</summary>
    public string Language => Texts.Language;

    /// <summary>The edition's texts in the reader's language, to mark each text with the language it is shown in.</summary>
    public ContentDictionary Texts { get; private set; } = ContentDictionary.Empty("en");

    public Forum Forum { get; private set; } = null!;
    public AgendaSession Session { get; private set; } = null!;
    public int Enrolled { get; private set; }

    /// <summary>Seats as the organizers set them now: seats are operational, not part of what a release publishes.</summary>
    public int? Capacity { get; private set; }
    public EnrolmentStatus? Mine { get; private set; }
    public bool CanEnrol { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostEnrolAsync(int id, CancellationToken ct)
    {
        // Many delegates enrol at once when enrolment opens: the answer is a redirect, so the page's own figures are not read.
        if (await LoadAsync(id, ct, seats: false) is not { } me)
        {
            return NotFound();
        }

        if (me.Delegate is null)
        {
            // Signed out: sign in first. Signed in without a registration (an organizer, say): say so instead.
            if (User.Identity?.IsAuthenticated != true)
            {
                return Challenge();
            }

            TempData.Refusal(text["Agenda_NoRegistration"].Value);
            return Redirect($"/agenda/session/{id}");
        }

        var result = await enrolments.EnrolAsync(me.Delegate, id, ct);
        TempData.Outcome(result.Outcome switch
        {
            EnrolOutcome.Enrolled => text["Agenda_Enrolled"].Value,
            EnrolOutcome.Waitlisted => text["Agenda_Waitlisted"].Value,
            EnrolOutcome.AlreadyEnrolled => text["Agenda_AlreadyEnrolled"].Value,
            EnrolOutcome.Clash => text["Agenda_Clash", UiLanguage.Chinese
                ? result.Clash!.TitleZh : result.Clash!.TitleEn].Value,
            _ => text["Agenda_NotOpen"].Value,
        }, refused: result.Outcome is not (EnrolOutcome.Enrolled or EnrolOutcome.Waitlisted or EnrolOutcome.AlreadyEnrolled));
        return Redirect($"/agenda/session/{id}");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } me)
        {
            return NotFound();
        }

        if (me.Delegate is null)
        {
            // Signed out: sign in first. Signed in without a registration (an organizer, say): say so instead.
            if (User.Identity?.IsAuthenticated != true)
            {
                return Challenge();
            }

            TempData.Refusal(text["Agenda_NoRegistration"].Value);
            return Redirect($"/agenda/session/{id}");
        }

        if (await enrolments.WithdrawAsync(me.Delegate, id, ct))
        {
            TempData["Status"] = text["Agenda_Withdrawn"].Value;
        }

        return Redirect($"/agenda/session/{id}");
    }

    private sealed record Me(Delegate? Delegate);

    private async Task<Me?> LoadAsync(int id, CancellationToken ct, bool seats = true)
    {
        if (await current.GetAsync(ct) is not { } forum || await releases.LatestAsync(forum.Id, ct) is not { } agenda
            || agenda.Sessions.FirstOrDefault(s => s.Id == id) is not { } session)
        {
            return null;
        }

        var content = Texts = await texts.ForAsync(forum.Id, ContentTexts.ReaderLanguage(forum, Lang, UiLanguage.Chinese), ct);
        Forum = content.Apply(forum);
        Session = content.Apply(session);
        var userId = users.GetUserId(User);
        var forumId = forum.Id;
        var delegate_ = userId is null ? null : await db.Delegates.AsNoTracking().SingleOrDefaultAsync(d => d.ForumId == forumId && d.UserId == userId, ct);
        if (!seats)
        {
            return new Me(delegate_);
        }

        var taken = await db.Sessions.AsNoTracking().Where(s => s.Id == id).Select(s => new { s.EnrolledCount, s.Capacity }).SingleOrDefaultAsync(ct);
        Enrolled = taken?.EnrolledCount ?? 0;
        Capacity = taken?.Capacity;
        if (delegate_ is not null)
        {
            var delegateId = delegate_.Id;
            Mine = await db.Enrolments.AsNoTracking().Where(e => e.SessionId == id && e.DelegateId == delegateId).Select(e => (EnrolmentStatus?)e.Status).SingleOrDefaultAsync(ct);
            CanEnrol = Capacity is not null;
        }

        return new Me(delegate_);
    }
}
