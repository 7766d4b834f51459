using ForumManager.Core.Auditing;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Forums;
using ForumManager.Features.Registration;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Pages.Admin.Questions;

/// <summary>The organizers' own questions on this edition's registration form, through the <see cref="QuestionEditor"/>.</summary>
public sealed class IndexModel(CurrentForum current, QuestionEditor editor, UserManager<ForumUser> users, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public QuestionInput Input { get; set; } = new();

    public IReadOnlyList<QuestionRow> Rows { get; private set; } = [];

    private Actor Actor => new(users.GetUserId(User), User.Identity?.Name ?? "organizer");

    public async Task<IActionResult> OnGetAsync(int? edit, CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum)
        {
            return NotFound();
        }

        Rows = await editor.ListAsync(forum.Id, ct);
        if (edit is { } id && Rows.FirstOrDefault(r => r.Question.Id == id)?.Question is { } question)
        {
            Input = QuestionEditor.Input(question);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum)
        {
            return NotFound();
        }

        Rows = await editor.ListAsync(forum.Id, ct);
        // When binding already found a problem, the editor still puts its own next to the other fields, and saves nothing.
        var errors = new FieldErrors();
        if (!await editor.SaveAsync(forum, Input, Rows, Actor, errors, alreadyRefused: !ModelState.IsValid, ct))
        {
            return NotFound();
        }

        ModelState.AddErrors(errors);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        TempData["Status"] = text["Questions_Saved"].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRetireAsync(int id, bool retired, CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum || !await editor.RetireAsync(forum.Id, id, retired, Actor, ct))
        {
            return NotFound();
        }

        TempData["Status"] = text[retired ? "Questions_Retired" : "Questions_Restored"].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum)
        {
            return NotFound();
        }

        if (!await editor.DeleteAsync(forum.Id, id, Actor, ct))
        {
            TempData.Refusal(text["Questions_NotDeleted"].Value);
            return RedirectToPage();
        }

        TempData["Status"] = text["Questions_Deleted"].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, bool up, CancellationToken ct) =>
        await current.GetAsync(ct) is { } forum && await editor.MoveAsync(forum.Id, id, up, ct) ? RedirectToPage() : NotFound();
}
