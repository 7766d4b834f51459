using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using ForumManager.Core.Auditing;
using ForumManager.Core.Forums;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Editions;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Pages.Admin.Editions;

/// <summary>Clones an edition into a new draft edition with a new acronym, names and first day.</summary>
public sealed partial class CloneModel(ForumDbContext db, EditionCloner cloner, WorkingEdition working, UserManager<ForumUser> users,
    IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public CloneForm Input { get; set; } = new();

    public Forum? From { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        From = await db.Forums.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct);
        if (From is null)
        {
            return NotFound();
        }

        // A year on: the acronym's and the names' year raised by one, where they carry one.
        Input = new CloneForm
        {
            Acronym = NextYear(From.Acronym),
            NameEn = NextYear(From.NameEn),
            NameZh = NextYear(From.NameZh),
            StartDate = From.StartDate.AddYears(1),
            KeepWeekdays = true,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        From = await db.Forums.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct);
        if (From is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var errors = new FieldErrors();
        var input = new CloneInput { Acronym = Input.Acronym, NameEn = Input.NameEn, NameZh = Input.NameZh, StartDate = Input.StartDate, KeepWeekdays = Input.KeepWeekdays };
        CloneResult? result;
        try
        {
            result = await cloner.CloneAsync(id, input, new Actor(users.GetUserId(User), User.Identity?.Name ?? "organizer"), errors, ct);
        }
        catch (DbUpdateException)
        {
            // Another organizer took the acronym between the check and the save: nothing of the clone was kept.
            errors.Add("Input.Acronym", text["Editions_AcronymTaken", EditionCloner.NormalizeAcronym(Input.Acronym) ?? string.Empty]);
            result = null;
        }

        if (result is null)
        {
            ModelState.AddErrors(errors);
            return Page();
        }

        working.Choose(HttpContext, result.ForumId);
        TempData["Status"] = text["Editions_Cloned", result.Acronym, result.StartDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), result.Days].Value;
        return RedirectToPage("Index");
    }

    public static string NextYear(string value) => YearPattern().Replace(value, m => (int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture) + 1)
        .ToString(System.Globalization.CultureInfo.InvariantCulture), 1);

    [GeneratedRegex("(?<![0-9])(19|20)[0-9]{2}(?![0-9])")]
    private static partial Regex YearPattern();

    public sealed class CloneForm
    {
        [Required(ErrorMessage = "Validation_Required"), StringLength(EditionCloner.MaxAcronym, ErrorMessage = "Validation_MaxLength")]
        [Display(Name = "Editions_Acronym")]
        public string? Acronym { get; set; }

        [Required(ErrorMessage = "Validation_Required"), StringLength(300, ErrorMessage = "Validation_MaxLength")]
        [Display(Name = "Editions_NameEn")]
        public string? NameEn { get; set; }

        [Required(ErrorMessage = "Validation_Required"), StringLength(300, ErrorMessage = "Validation_MaxLength")]
        [Display(Name = "Editions_NameZh")]
        public string? NameZh { get; set; }

        [Required(ErrorMessage = "Validation_Required")]
        [Display(Name = "Editions_StartDate")]
        public DateOnly? StartDate { get; set; }

        [Display(Name = "Editions_KeepWeekdays")]
        public bool KeepWeekdays { get; set; }
    }
}
