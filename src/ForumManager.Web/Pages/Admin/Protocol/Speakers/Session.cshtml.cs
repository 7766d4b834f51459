using ForumManager.Core.Auditing;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Forums;
using ForumManager.Features.Protocol;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Pages.Admin.Protocol.Speakers;

/// <summary>
/// One forum's speakers in order: move one up or down, order them all by precedence, and give each minutes and a language;
/// the planned times follow from the session's start, with a warning when the speeches overrun the session.
/// </summary>
public sealed class SessionModel(CurrentForum current, SpeakingOrder order, UserManager<ForumUser> users, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty] public List<SpeakerInput> Speakers { get; set; } = [];

    public SpeakingPlan Plan { get; private set; } = null!;
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public async Task<IActionResult> OnGetAsync(int sessionId, CancellationToken ct)
    {
        if (!await LoadAsync(sessionId, ct))
        {
            return NotFound();
        }

        Speakers = Plan.Speakers.Select(s => new SpeakerInput { Id = s.Id, Minutes = s.Minutes, Language = s.Language ?? s.SuggestedLanguage }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int sessionId, CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum)
        {
            return NotFound();
        }

        var errors = new FieldErrors();
        if (ModelState.IsValid && await order.SaveAsync(forum, sessionId, Speakers, Actor, errors, ct))
        {
            TempData["Status"] = text["Speakers_Saved"].Value;
            return RedirectToPage(new { sessionId });
        }

        ModelState.AddErrorsBesideRefused(errors);
        if (!await LoadAsync(sessionId, ct))
        {
            return NotFound();
        }

        // The form is shown again as sent, beside the speakers as they now stand.
        return Page();
    }

    public async Task<IActionResult> OnPostMoveAsync(int sessionId, int speakerId, bool up, CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum || !await order.MoveAsync(forum, sessionId, speakerId, up, Actor, ct))
        {
            return NotFound();
        }

        TempData["Status"] = text["Speakers_Moved"].Value;
        return RedirectToPage(new { sessionId });
    }

    public async Task<IActionResult> OnPostPrecedenceAsync(int sessionId, CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum || !await order.OrderByPrecedenceAsync(forum, sessionId, Actor, ct))
        {
            return NotFound();
        }

        TempData["Status"] = text["Speakers_Ordered"].Value;
        return RedirectToPage(new { sessionId });
    }

    private Actor Actor => new(users.GetUserId(User), User.Identity?.Name ?? "organizer");

    private async Task<bool> LoadAsync(int sessionId, CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum || await order.PlanAsync(forum, sessionId, ct) is not { } plan)
        {
            return false;
        }

        Plan = plan;
        Zone = TimeZoneInfo.FindSystemTimeZoneById(forum.TimeZoneId);
        return true;
    }

    /// <summary>The input sent for a speaker, or what the page starts with when nothing was sent for them.</summary>
    public (int Index, SpeakerInput Input) InputFor(Speaker speaker)
    {
        var index = Speakers.FindIndex(s => s.Id == speaker.Id);
        return index >= 0 ? (index, Speakers[index]) : (-1, new SpeakerInput { Id = speaker.Id, Minutes = speaker.Minutes, Language = speaker.Language ?? speaker.SuggestedLanguage });
    }
}
