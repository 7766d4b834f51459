using System.Text;
using ForumManager.Core.Programme;
using ForumManager.Data;
using ForumManager.Features.Agenda;
using ForumManager.Features.Forums;
using ForumManager.Features.Languages;
using ForumManager.Features.Programme;
using ForumManager.Mail;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ForumManager.Web.Pages.Agenda;

/// <summary>A delegate's own programme as a calendar feed at a secret address, for calendar apps that cannot sign in.</summary>
public sealed class FeedModel(ForumDbContext db, CurrentForum current, ReleasedAgendas releases, CalendarFeeds feeds, ContentTexts texts, IOptions<ForumOptions> options,
    IOptions<MailOptions> mail)
    : PageModel
{
    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        if (feeds.DelegateId(token) is not { } delegateId || await current.GetAsync(ct) is not { } edition
            || await releases.LatestAsync(edition.Id, ct) is not { } released)
        {
            return NotFound();
        }

        var forum = edition;

        var forumId = forum.Id;
        var person = await db.Delegates.AsNoTracking().Where(d => d.Id == delegateId && d.ForumId == forumId)
            .Select(d => new { d.PreferredLanguage, d.GivenName, d.FamilyName, d.Status }).SingleOrDefaultAsync(ct);

        // A cancelled or rejected registration's feed stops, so an address passed on does not keep working.
        if (person is null || person.Status is Core.Delegates.RegistrationStatus.Cancelled or Core.Delegates.RegistrationStatus.Rejected)
        {
            return NotFound();
        }

        var enrolled = await db.Enrolments.AsNoTracking().Where(e => e.DelegateId == delegateId && e.Status == EnrolmentStatus.Enrolled)
            .Select(e => e.SessionId).ToListAsync(ct);
        var taking = await db.SessionPeople.AsNoTracking().Where(p => p.DelegateId == delegateId).Select(p => p.SessionId).ToListAsync(ct);
        var mine = enrolled.Concat(taking).ToHashSet();
        // In the delegate's own language where the edition has the texts in it, English where not.
        var language = ContentTexts.ReaderLanguage(edition, person.PreferredLanguage, chinese: false);
        var chinese = language == Core.Languages.ContentLanguages.Chinese;
        var content = await texts.ForAsync(forumId, language, ct);
        forum = content.Apply(edition);
        var agenda = content.Apply(released);
        var invited = content.Apply(await releases.InvitationOnlyAsync(forumId, taking, ct));
        var ics = ScheduleExports.Ics(forum, agenda.Sessions.Where(s => mine.Contains(s.Id)).Concat(invited), options.Value.PublicBaseUrl.TrimEnd('/'),
            $"{forum.Name(chinese)} · {person.GivenName} {person.FamilyName}", chinese, agenda.PublishedUtc, CalendarOrganizer.For(forum, mail.Value, chinese));
        Response.Headers.CacheControl = "private, no-store";
        return File(Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", "my-agenda.ics");
    }
}
