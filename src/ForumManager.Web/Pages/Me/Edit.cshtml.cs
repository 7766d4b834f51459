using ForumManager.Core.Auditing;
using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Core.Registration;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Forums;
using ForumManager.Features.Privacy;
using ForumManager.Features.Registration;
using ForumManager.Web.Infrastructure;
using ForumManager.Web.Pages.Registration;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Web.Pages.Me;

/// <summary>
/// The delegate edits their own registration until the organizers' edit deadline. The record is found by the signed-in
/// account, never by an id from the browser; email, delegation, category and status are not the delegate's to change.
/// </summary>
public sealed class EditModel(ForumDbContext db, CurrentForum current, UserManager<ForumUser> users, QuestionForm questions,
    DelegateEditor editor, PersonalData personalData, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public RegistrationInput Input { get; set; } = new();

    [BindProperty]
    public long Stamp { get; set; }

    public Delegate? Mine { get; private set; }
    public Forum? Forum { get; private set; }
    public string? ClosedMessage { get; private set; }
    public DelegateFieldOptions Options { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return RedirectToPage("Index");
        }

        Input = DelegateForm.From(Mine!);
        Input.Answers = await questions.GivenAsync(Options.Questions, Mine!.Id, ct);
        Stamp = DelegateEditor.Stamp(Mine);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return RedirectToPage("Index");
        }

        if (ClosedMessage is not null)
        {
            return Page();
        }

        var mine = Mine!;
        Input.Email = mine.Email;
        ModelState.Remove("Input.Email");
        DelegateForm.Clean(Input);
        Input.Answers = QuestionForm.Align(Options.Questions, Input.Answers);
        ModelState.Check(errors => DelegateForm.Validate(Input, Forum!, mine, clock, errors, text));
        ModelState.Check(errors => QuestionForm.Validate(Options.Questions, Input.Answers, "Input.Answers", enforceRequired: true, errors, text));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var actor = new Actor(mine.UserId, User.Identity?.Name ?? mine.Email);
        var outcome = await editor.SaveAsync(mine.Id, Stamp, Input, Options.Questions, _ => { }, actor, ct);
        switch (outcome)
        {
            case EditOutcome.ChangedMeanwhile:
                await LoadAsync(ct);
                ModelState.Clear();
                Input = DelegateForm.From(Mine!);
                Input.Answers = await questions.GivenAsync(Options.Questions, Mine!.Id, ct);
                Stamp = DelegateEditor.Stamp(Mine);
                ModelState.AddModelError(string.Empty, text["Edit_ChangedMeanwhile"]);
                return Page();
            case EditOutcome.EmailTaken:
                ModelState.AddModelError(string.Empty, text["Register_AlreadyRegistered"]);
                return Page();
            default:
                TempData["Status"] = text[outcome == EditOutcome.Saved ? "Edit_Saved" : "Edit_NothingChanged"].Value;
                return RedirectToPage("Index");
        }
    }

    /// <summary>The resource key saying why a registration cannot be edited now, or null when it can.</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Forum = await current.GetAsync(ct);
        var userId = users.GetUserId(User);
        if (Forum is null || userId is null)
        {
            return false;
        }

        var forumId = Forum.Id;
        Mine = await db.Delegates.AsNoTracking().SingleOrDefaultAsync(d => d.ForumId == forumId && d.UserId == userId, ct);
        if (Mine is null)
        {
            return false;
        }

        ClosedMessage = EditWindow.WhyClosed(Mine.Status, Forum, clock.GetUtcNow().UtcDateTime) switch
        {
            null => null,
            EditClosed.NotWhileStatus => text["Edit_NotWhile", text["RegistrationStatus_" + Mine.Status]].Value,
            _ => text["Edit_Closed"].Value,
        };

        var passport = personalData.Unprotect(Mine.PassportNumberProtected);
        Options = new DelegateFieldOptions
        {
            EmailReadOnly = true,
            PassportOnFile = passport is null ? null : PersonalData.Mask(passport),
            DateOfBirthOnFile = Mine.DateOfBirthProtected is not null,
            Questions = await questions.AskedAsync(forumId, ct),
        };
        return true;
    }
}
