using System.Text;
using ForumManager.Features.Agenda;
using ForumManager.Features.Forums;
using ForumManager.Features.Languages;
using ForumManager.Features.Programme;
using ForumManager.Mail;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace ForumManager.Web.Pages.Agenda;

/// <summary>
/// The released programme as <c>/agenda/schedule.xml</c> and <c>/agenda/schedule.json</c> (frab/c3voc) and <c>/agenda/calendar.ics</c>, in English or,
/// with <c>?lang=zh</c>, Chinese, or <c>?lang=ru</c> any further language of the edition. Both come from the cached latest release.
/// </summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = AgendaOutputCache.PolicyName)]
public sealed class ExportsModel(CurrentForum current, ReleasedAgendas releases, ContentTexts texts, IOptions<ForumOptions> options, IOptions<MailOptions> mail) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? lang, CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } edition || await releases.LatestAsync(edition.Id, ct) is not { } released)
        {
            return NotFound();
        }

        // English unless another of the edition's languages is asked for; a text not given in that language stays English.
        var language = ContentTexts.ReaderLanguage(edition, lang is "zh" or "zh-CN" ? "zh-Hans" : lang, chinese: false);
        var chinese = language == Core.Languages.ContentLanguages.Chinese;
        var content = await texts.ForAsync(edition.Id, language, ct);
        var forum = content.Apply(edition);
        var agenda = content.Apply(released);
        var baseUrl = options.Value.PublicBaseUrl.TrimEnd('/');
        Response.Headers.CacheControl = "public, max-age=60";

        // The language comes from the culture cookie or Accept-Language, so a shared cache must keep one copy for each.
        Response.Headers.Vary = "Cookie, Accept-Language";
        var path = Request.Path.Value ?? string.Empty;
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return File(Encoding.UTF8.GetBytes(ScheduleExports.Json(forum, agenda, baseUrl, chinese)), "application/json; charset=utf-8");
        }

        return path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
            ? File(Encoding.UTF8.GetBytes(ScheduleExports.Xml(forum, agenda, baseUrl, chinese)), "application/xml; charset=utf-8")
            : File(Encoding.UTF8.GetBytes(ScheduleExports.Ics(forum, agenda.Sessions, baseUrl, forum.Name(chinese), chinese, agenda.PublishedUtc,
                    CalendarOrganizer.For(forum, mail.Value, chinese))),
                "text/calendar; charset=utf-8", $"{ScheduleExports.Acronym(forum)}.ics");
    }
}
