using System.ComponentModel.DataAnnotations;
using ForumManager.Core.Auditing;
using ForumManager.Core.Forums;
using ForumManager.Core.Registration;
using ForumManager.Core.Text;
using ForumManager.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Features.Registration;

/// <summary>One of the organizers' questions as the form edits it; choices are "English | 中文", one per line.</summary>
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

/// <summary>A question of the edition and how many delegates have answered it.</summary>
public sealed record QuestionRow(Question Question, int Answers);

/// <summary>
/// The organizers' own questions on an edition's registration form: add, edit, reorder, retire, delete. A question or
/// choice that has answers can be reworded or retired but not deleted, so no delegate's answer is ever lost.
/// </summary>
public sealed class QuestionEditor(ForumDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    public const int MaxChoices = 50;

    public async Task<IReadOnlyList<QuestionRow>> ListAsync(int forumId, CancellationToken ct)
    {
        var questions = await db.Questions.AsNoTracking().Include(q => q.Choices).Where(q => q.ForumId == forumId)
            .OrderBy(q => q.Position).ThenBy(q => q.Id).AsSplitQuery().ToListAsync(ct);
        var counts = await db.DelegateAnswers.AsNoTracking().Where(a => a.Question!.ForumId == forumId)
            .GroupBy(a => a.QuestionId).Select(g => new { g.Key, People = g.Select(a => a.DelegateId).Distinct().Count() })
            .ToDictionaryAsync(g => g.Key, g => g.People, ct);
        foreach (var question in questions)
        {
            question.Choices = question.Choices.OrderBy(c => c.Position).ThenBy(c => c.Id).ToList();
        }

        return questions.Select(q => new QuestionRow(q, counts.GetValueOrDefault(q.Id))).ToList();
    }

    public static QuestionInput Input(Question question) => new()
    {
        Id = question.Id,
        Kind = question.Kind,
        TextEn = question.TextEn,
        TextZh = question.TextZh,
        Required = question.Required,
        Choices = string.Join('\n', question.Choices.Select(c => c.TextEn == c.TextZh ? c.TextEn : $"{c.TextEn} | {c.TextZh}")),
    };

    /// <summary>
    /// Checks and saves a question, each problem at its field (keys under <c>Input.</c>); with
    /// <paramref name="alreadyRefused"/> (the form had problems of its own) it only checks.
    /// </summary>
    /// <returns>false when the question to edit is not this edition's.</returns>
    public async Task<bool> SaveAsync(Forum forum, QuestionInput input, IReadOnlyList<QuestionRow> rows, Actor actor, FieldErrors errors, bool alreadyRefused,
        CancellationToken ct)
    {
        input.TextEn = PersonName.Clean(input.TextEn);
        input.TextZh = PersonName.Clean(input.TextZh);
        if (!Enum.IsDefined(input.Kind))
        {
            errors.Add("Input.Kind", text["Validation_Choose"]);
        }

        foreach (var (field, value) in new[] { ("Input.TextEn", input.TextEn), ("Input.TextZh", input.TextZh) })
        {
            if (value.IndexOfAny(['<', '>']) >= 0)
            {
                errors.Add(field, text["Validation_NoMarkup"]);
            }
        }

        var choices = ParseChoices(input.Choices);
        var hasChoices = input.Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice;
        if (hasChoices && choices.Count < 2)
        {
            errors.Add("Input.Choices", text["Questions_NeedChoices"]);
        }
        else if (hasChoices && choices.Count > MaxChoices)
        {
            errors.Add("Input.Choices", text["Questions_TooManyChoices", MaxChoices]);
        }
        else if (hasChoices && choices.Any(c => c.En.Length > 200 || c.Zh.Length > 200 || c.En.IndexOfAny(['<', '>']) >= 0 || c.Zh.IndexOfAny(['<', '>']) >= 0))
        {
            errors.Add("Input.Choices", text["Questions_BadChoice"]);
        }

        var existing = input.Id is { } id ? await db.Questions.Include(q => q.Choices).SingleOrDefaultAsync(q => q.Id == id && q.ForumId == forum.Id, ct) : null;
        if (input.Id is not null && existing is null)
        {
            return false;
        }

        if (existing is not null && existing.Kind != input.Kind && rows.Single(r => r.Question.Id == existing.Id).Answers > 0)
        {
            errors.Add("Input.Kind", text["Questions_KindLocked"]);
        }

        if (!errors.IsEmpty || alreadyRefused)
        {
            return true;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var question = existing ?? new Question
        {
            ForumId = forum.Id,
            TextEn = input.TextEn,
            TextZh = input.TextZh,
            Position = rows.Count == 0 ? 1 : rows.Max(r => r.Question.Position) + 1,
        };
        var before = existing is null ? null : Describe(existing);
        question.Kind = input.Kind;
        question.TextEn = input.TextEn;
        question.TextZh = input.TextZh;
        question.Required = input.Required;
        if (!await ApplyChoicesAsync(question, hasChoices ? choices : [], ct))
        {
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            errors.Add("Input.Choices", text["Questions_ChoiceAnswered"]);
            return true;
        }

        if (existing is null)
        {
            db.Questions.Add(question);
        }

        await db.SaveChangesAsync(ct);
        db.AuditEntries.Add(actor.Audit(forum.Id, now, nameof(Question), question.Id, existing is null ? "added" : "edited", before, Describe(question)));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <returns>false when the edition has no such question.</returns>
    public async Task<bool> RetireAsync(int forumId, int id, bool retired, Actor actor, CancellationToken ct)
    {
        if (await db.Questions.Where(q => q.Id == id && q.ForumId == forumId).ExecuteUpdateAsync(s => s.SetProperty(q => q.Retired, retired), ct) == 0)
        {
            return false;
        }

        await AuditAsync(forumId, id, retired ? "retired" : "restored", actor, ct);
        return true;
    }

    /// <summary>Deletes a question nobody has answered.</summary>
    /// <returns>false when it has answers (or is not this edition's).</returns>
    public async Task<bool> DeleteAsync(int forumId, int id, Actor actor, CancellationToken ct)
    {
        // The foreign key from answers refuses the delete if anyone has answered, even one who answered a moment ago.
        try
        {
            if (await db.Questions.Where(q => q.Id == id && q.ForumId == forumId && !db.DelegateAnswers.Any(a => a.QuestionId == q.Id))
                .ExecuteDeleteAsync(ct) == 0)
            {
                return false;
            }
        }
        catch (DbUpdateException)
        {
            return false;
        }

        await AuditAsync(forumId, id, "deleted", actor, ct);
        return true;
    }

    /// <summary>Swaps a question with its neighbour above or below.</summary>
    /// <returns>false when the edition has no such question.</returns>
    public async Task<bool> MoveAsync(int forumId, int id, bool up, CancellationToken ct)
    {
        var ordered = await db.Questions.Where(q => q.ForumId == forumId).OrderBy(q => q.Position).ThenBy(q => q.Id).ToListAsync(ct);
        var index = ordered.FindIndex(q => q.Id == id);
        if (index < 0)
        {
            return false;
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

        return true;
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

    private async Task AuditAsync(int forumId, int questionId, string action, Actor actor, CancellationToken ct)
    {
        db.AuditEntries.Add(actor.Audit(forumId, clock.GetUtcNow().UtcDateTime, nameof(Question), questionId, action));
        await db.SaveChangesAsync(ct);
    }
}
