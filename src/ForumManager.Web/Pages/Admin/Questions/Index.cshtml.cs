using System.ComponentModel.DataAnnotations;
using ForumManager.Core.Auditing;
using ForumManager.Core.Registration;
using ForumManager.Core.Text;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Forums;
using ForumManager.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Pages.Admin.Questions;

/// <summary>
/// The organizers' own questions on this edition's registration form: add, edit, reorder, retire. A question or choice
/// that has answers can be reworded or retired but not deleted, so no delegate's answer is ever lost.
/// </summary>
public sealed class IndexModel(ForumDbContext db, CurrentForum current, UserManager<ForumUser> users, TimeProvider clock,
    IStringLocalizer<SharedResource> text) : PageModel
{
    public const int MaxChoices = 50;

    public sealed record Row(Question Question, int Answers);

    public sealed class QuestionInput
    {
        public int? Id { get; set; }

        [Display(Name = "Questions_Kind")]
        public QuestionKind Kind { get; set; }

        [Required(ErrorMessage = "Validation_Required"), StringLength(500, ErrorMessage = "Validation_MaxLength")]
        [Display(Name = "Questions_TextEn")]
        public string TextEn { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation_Required"), StringLength(500, ErrorMessage = "Validation_MaxLength")]
        [Display(Name = "Questions_TextZh")]
        public string TextZh { get; set; } = string.Empty;

        [Display(Name = "Questions_Required")]
        public bool Required { get; set; }

        [StringLength(20_000, ErrorMessage = "Validation_MaxLength")]
        [Display(Name = "Questions_Choices")]
        public string? Choices { get; set; }
    }

    [BindProperty]
    public QuestionInput Input { get; set; } = new();

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? edit, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (edit is { } id && Rows.FirstOrDefault(r => r.Question.Id == id)?.Question is { } question)
        {
            Input = new QuestionInput
            {
                Id = question.Id,
                Kind = question.Kind,
                TextEn = question.TextEn,
                TextZh = question.TextZh,
                Required = question.Required,
                Choices = string.Join('\n', question.Choices.Select(c => c.TextEn == c.TextZh ? c.TextEn : $"{c.TextEn} | {c.TextZh}")),
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        var forum = await current.GetAsync(ct);
        if (forum is null || !await LoadAsync(ct))
        {
            return NotFound();
        }

        Input.TextEn = PersonName.Clean(Input.TextEn);
        Input.TextZh = PersonName.Clean(Input.TextZh);
        if (!Enum.IsDefined(Input.Kind))
        {
            ModelState.AddModelError("Input.Kind", text["Validation_Choose"]);
        }

        foreach (var (field, value) in new[] { ("Input.TextEn", Input.TextEn), ("Input.TextZh", Input.TextZh) })
        {
            if (value.IndexOfAny(['<', '>']) >= 0)
            {
                ModelState.AddModelError(field, text["Validation_NoMarkup"]);
            }
        }

        var choices = ParseChoices(Input.Choices);
        var hasChoices = Input.Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice;
        if (hasChoices && choices.Count < 2)
        {
            ModelState.AddModelError("Input.Choices", text["Questions_NeedChoices"]);
        }
        else if (hasChoices && choices.Count > MaxChoices)
        {
            ModelState.AddModelError("Input.Choices", text["Questions_TooManyChoices", MaxChoices]);
        }
        else if (hasChoices && choices.Any(c => c.En.Length > 200 || c.Zh.Length > 200 || c.En.IndexOfAny(['<', '>']) >= 0 || c.Zh.IndexOfAny(['<', '>']) >= 0))
        {
            ModelState.AddModelError("Input.Choices", text["Questions_BadChoice"]);
        }

        var existing = Input.Id is { } id ? await db.Questions.Include(q => q.Choices).SingleOrDefaultAsync(q => q.Id == id && q.ForumId == forum.Id, ct) : null;
        if (Input.Id is not null && existing is null)
        {
            return NotFound();
        }

        if (existing is not null && existing.Kind != Input.Kind && Rows.Single(r => r.Question.Id == existing.Id).Answers > 0)
        {
            ModelState.AddModelError("Input.Kind", text["Questions_KindLocked"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var actor = new Actor(users.GetUserId(User), User.Identity?.Name ?? "organizer");
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var question = existing ?? new Question
        {
            ForumId = forum.Id,
            TextEn = Input.TextEn,
            TextZh = Input.TextZh,
            Position = Rows.Count == 0 ? 1 : Rows.Max(r => r.Question.Position) + 1,
        };
        var before = existing is null ? null : Describe(existing);
        question.Kind = Input.Kind;
        question.TextEn = Input.TextEn;
        question.TextZh = Input.TextZh;
        question.Required = Input.Required;
        if (!await ApplyChoicesAsync(question, hasChoices ? choices : [], ct))
        {
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            ModelState.AddModelError("Input.Choices", text["Questions_ChoiceAnswered"]);
            return Page();
        }

        if (existing is null)
        {
            db.Questions.Add(question);
        }

        await db.SaveChangesAsync(ct);
        db.AuditEntries.Add(actor.Audit(forum.Id, now, nameof(Question), question.Id, existing is null ? "added" : "edited", before, Describe(question)));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        TempData["Status"] = text["Questions_Saved"].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRetireAsync(int id, bool retired, CancellationToken ct)
    {
        var forum = await current.GetAsync(ct);
        if (forum is null)
        {
            return NotFound();
        }

        var changed = await db.Questions.Where(q => q.Id == id && q.ForumId == forum.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(q => q.Retired, retired), ct);
        if (changed == 0)
        {
            return NotFound();
        }

        await AuditAsync(forum.Id, id, retired ? "retired" : "restored", ct);
        TempData["Status"] = text[retired ? "Questions_Retired" : "Questions_Restored"].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var forum = await current.GetAsync(ct);
        if (forum is null)
        {
            return NotFound();
        }

        // The foreign key from answers refuses the delete if anyone has answered, even one who answered a moment ago.
        try
        {
            if (await db.Questions.Where(q => q.Id == id && q.ForumId == forum.Id && !db.DelegateAnswers.Any(a => a.QuestionId == q.Id))
                .ExecuteDeleteAsync(ct) == 0)
            {
                TempData.Refusal(text["Questions_NotDeleted"].Value);
                return RedirectToPage();
            }
        }
        catch (DbUpdateException)
        {
            TempData.Refusal(text["Questions_NotDeleted"].Value);
            return RedirectToPage();
        }

        await AuditAsync(forum.Id, id, "deleted", ct);
        TempData["Status"] = text["Questions_Deleted"].Value;
        return RedirectToPage();
    }

    /// <summary>Swaps a question with its neighbour above or below.</summary>
    public async Task<IActionResult> OnPostMoveAsync(int id, bool up, CancellationToken ct)
    {
        var forum = await current.GetAsync(ct);
        if (forum is null)
        {
            return NotFound();
        }

        var ordered = await db.Questions.Where(q => q.ForumId == forum.Id).OrderBy(q => q.Position).ThenBy(q => q.Id).ToListAsync(ct);
        var index = ordered.FindIndex(q => q.Id == id);
        if (index < 0)
        {
            return NotFound();
        }

        var other = up ? index - 1 : index + 1;
        if (other >= 0 && other < ordered.Count)
        {
            (ordered[index], ordered[other]) = (ordered[other], ordered[index]);
            for (var i = 0; i < ordered.Count; i++)
            {
                ordered[i].Position = i + 1;
            }

            await db.SaveChangesAsync(ct);
        }

        return RedirectToPage();
    }

    /// <summary>"English | 中文" per line; a line without a bar is the same in both languages.</summary>
    public static List<(string En, string Zh)> ParseChoices(string? lines) => (lines ?? string.Empty)
        .Split('\n')
        .Select(line => line.Split('|', 2))
        .Select(parts => (En: PersonName.Clean(parts[0]), Zh: PersonName.Clean(parts.Length > 1 ? parts[1] : parts[0])))
        .Where(c => c.En.Length > 0)
        .Select(c => (c.En, c.Zh.Length > 0 ? c.Zh : c.En))
        .ToList();

    /// <summary>
    /// Lines are matched to the existing choices in order: a choice is reworded in place and keeps its answers; one that
    /// is taken away must have none.
    /// </summary>
    private async Task<bool> ApplyChoicesAsync(Question question, List<(string En, string Zh)> choices, CancellationToken ct)
    {
        var current = question.Choices.OrderBy(c => c.Position).ThenBy(c => c.Id).ToList();
        for (var i = 0; i < choices.Count; i++)
        {
            if (i < current.Count)
            {
                current[i].TextEn = choices[i].En;
                current[i].TextZh = choices[i].Zh;
                current[i].Position = i + 1;
            }
            else
            {
                question.Choices.Add(new QuestionChoice { TextEn = choices[i].En, TextZh = choices[i].Zh, Position = i + 1 });
            }
        }

        var removed = current.Skip(choices.Count).Select(c => c.Id).ToList();
        if (removed.Count > 0 && await db.DelegateAnswers.AnyAsync(a => a.ChoiceId != null && removed.Contains(a.ChoiceId.Value), ct))
        {
            return false;
        }

        foreach (var choice in current.Skip(choices.Count))
        {
            db.QuestionChoices.Remove(choice);
        }

        return true;
    }

    private static string Describe(Question q) =>
        $"{q.Kind}{(q.Required ? ", required" : string.Empty)}: {q.TextEn} / {q.TextZh}"
        + string.Concat(q.Choices.OrderBy(c => c.Position).Select(c => $"\n- {c.TextEn} / {c.TextZh}"));

    private async Task AuditAsync(int forumId, int questionId, string action, CancellationToken ct)
    {
        db.AuditEntries.Add(new Actor(users.GetUserId(User), User.Identity?.Name ?? "organizer")
            .Audit(forumId, clock.GetUtcNow().UtcDateTime, nameof(Question), questionId, action));
        await db.SaveChangesAsync(ct);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var forum = await current.GetAsync(ct);
        if (forum is null)
        {
            return false;
        }

        var forumId = forum.Id;
        var questions = await db.Questions.AsNoTracking().Include(q => q.Choices).Where(q => q.ForumId == forumId)
            .OrderBy(q => q.Position).ThenBy(q => q.Id).AsSplitQuery().ToListAsync(ct);
        var counts = await db.DelegateAnswers.AsNoTracking().Where(a => a.Question!.ForumId == forumId)
            .GroupBy(a => a.QuestionId).Select(g => new { g.Key, People = g.Select(a => a.DelegateId).Distinct().Count() })
            .ToDictionaryAsync(g => g.Key, g => g.People, ct);
        foreach (var question in questions)
        {
            question.Choices = question.Choices.OrderBy(c => c.Position).ThenBy(c => c.Id).ToList();
        }

        Rows = questions.Select(q => new Row(q, counts.GetValueOrDefault(q.Id))).ToList();
        return true;
    }
}
