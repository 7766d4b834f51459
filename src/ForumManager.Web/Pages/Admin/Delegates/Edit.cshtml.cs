using System.ComponentModel.DataAnnotations;
using ForumManager.Core.Auditing;
using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
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

namespace ForumManager.Web.Pages.Admin.Delegates;

/// <summary>
/// An organizer corrects a delegate's record, including what only organizers set: delegation, category and protocol
/// rank. No deadline applies; answers are checked but not required. Every change is in the record's history.
/// </summary>
public sealed class EditModel(ForumDbContext db, CurrentForum current, UserManager<ForumUser> users, QuestionForm questions,
    DelegateEditor editor, PersonalData personalData, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
{
    public const int MaxRank = 100_000;

    [BindProperty]
    public RegistrationInput Input { get; set; } = new();

    [BindProperty]
    public long Stamp { get; set; }

    [BindProperty, Display(Name = "Delegate_Category")]
    public DelegateCategory Category { get; set; }

    [BindProperty, Range(0, MaxRank, ErrorMessage = "Validation_Range"), Display(Name = "Delegates_Precedence")]
    public int PrecedenceRank { get; set; }

    public Delegate Record { get; private set; } = null!;
    public Forum Forum { get; private set; } = null!;
    public DelegateFieldOptions Options { get; private set; } = new();

    /// <summary>A delegate who signs in owns their address; only one without an account can have it changed here.</summary>
    public bool EmailLocked => Record.UserId is not null;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        await FillFromRecordAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (EmailLocked)
        {
            Input.Email = Record.Email;
            ModelState.Remove("Input.Email");
        }

        // Organizers may not know a delegate's telephone; the delegate's own form still asks for it.
        if (string.IsNullOrWhiteSpace(Input.Phone))
        {
            ModelState.Remove("Input.Phone");
        }

        DelegateForm.Clean(Input);
        Input.Answers = QuestionForm.Align(Options.Questions, Input.Answers);
        ModelState.Check(errors => DelegateForm.Validate(Input, Forum, Record, clock, errors, text));
        ModelState.Check(errors => QuestionForm.Validate(Options.Questions, Input.Answers, "Input.Answers", enforceRequired: false, errors, text));
        if (!Enum.IsDefined(Category))
        {
            ModelState.AddModelError(nameof(Category), text["Validation_Choose"]);
        }

        if (Input.DelegationId is { } delegationId && Options.Delegations!.All(d => d.Id != delegationId))
        {
            ModelState.AddModelError("Input.DelegationId", text["Validation_Choose"]);
        }

        var forumId = Forum.Id;
        if (ModelState.IsValid && Input.Email != Record.Email
            && await db.Delegates.AnyAsync(d => d.ForumId == forumId && d.Email == Input.Email && d.Id != id, ct))
        {
            ModelState.AddModelError("Input.Email", text["Register_AlreadyRegistered"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var actor = new Actor(users.GetUserId(User), User.Identity?.Name ?? "organizer");
        var outcome = await editor.SaveAsync(id, Stamp, Input, Options.Questions, record =>
        {
            record.Email = Input.Email;
            record.DelegationId = Input.DelegationId;
            record.Category = Category;
            record.PrecedenceRank = PrecedenceRank;
        }, actor, ct);
        switch (outcome)
        {
            case EditOutcome.ChangedMeanwhile:
                await LoadAsync(id, ct);
                ModelState.Clear();
                await FillFromRecordAsync(ct);
                ModelState.AddModelError(string.Empty, text["Edit_ChangedMeanwhile"]);
                return Page();
            case EditOutcome.EmailTaken:
                ModelState.AddModelError("Input.Email", text["Register_AlreadyRegistered"]);
                return Page();
            default:
                TempData["Status"] = text[outcome == EditOutcome.Saved ? "Edit_Saved" : "Edit_NothingChanged"].Value;
                return RedirectToPage("Details", new { id });
        }
    }

    private async Task FillFromRecordAsync(CancellationToken ct)
    {
        Input = DelegateForm.From(Record);
        Input.Answers = await questions.GivenAsync(Options.Questions, Record.Id, ct);
        Category = Record.Category;
        PrecedenceRank = Record.PrecedenceRank;
        Stamp = DelegateEditor.Stamp(Record);
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } forum)
        {
            return false;
        }

        Forum = forum;
        var forumId = forum.Id;
        if (await db.Delegates.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id && d.ForumId == forumId, ct) is not { } record)
        {
            return false;
        }

        Record = record;
        var passport = personalData.Unprotect(record.PassportNumberProtected);
        Options = new DelegateFieldOptions
        {
            EmailReadOnly = EmailLocked,
            Delegations = (await db.Delegations.AsNoTracking().Where(d => d.ForumId == forumId).OrderBy(d => d.NameEn)
                .Select(d => new { d.Id, d.NameEn, d.NameZh }).ToListAsync(ct)).Select(d => (d.Id, d.NameEn, d.NameZh)).ToList(),
            PassportOnFile = passport is null ? null : PersonalData.Mask(passport),
            DateOfBirthOnFile = record.DateOfBirthProtected is not null,
            Questions = await questions.AskedAsync(forumId, ct),
        };
        return true;
    }
}
