using System.Text;
using ForumManager.Features.Agenda;
using ForumManager.Features.Forums;
using ForumManager.Features.Programme;
using ForumManager.Mail;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace ForumManager.Web.Pages.Agenda;

/// <summary>
/// The released programme as <c>/agenda/schedule.xml</c> and <c>/agenda/schedule.json</c> (frab/c3voc) and <c>/agenda/calendar.ics</c>, in English or,
/// with <c>?lang=zh</c>, Chinese. Both come from the cached latest release.
/// </summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = AgendaOutputCache.PolicyName)]
public sealed class ExportsModel(CurrentForum current, ReleasedAgendas releases, IOptions<ForumOptions> options, IOptions<MailOptions> mail) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? lang, CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum || await releases.LatestAsync(forum.Id, ct) is not { } agenda)
        {
            return NotFound();
        }

        var chinese = lang is "zh" or "zh-Hans" or "zh-CN";
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
