using ForumManager.Core.Registration;
using ForumManager.Core.Text;
using ForumManager.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Features.Registration;

/// <summary>One answer as the form posts it: the text (also "yes"/"no"), or the ids of the choices ticked.</summary>
public sealed class AnswerInput
{
    public int QuestionId { get; set; }
    public string? Text { get; set; }
    public List<int> Choices { get; set; } = [];
}

/// <summary>A delegate's answer to one question, as shown on their record.</summary>
public sealed record GivenAnswer(Question Question, string? Text, IReadOnlyList<QuestionChoice> Choices)
{
    public string Display(bool chinese, string yes, string no) => Text switch
    {
        DelegateAnswer.Yes => yes,
        DelegateAnswer.No => no,
        { } text => text,
        null => string.Join(chinese ? "、" : ", ", Choices.Select(c => c.Text(chinese))),
    };
}

/// <summary>
/// The organizers' own questions on a form: which are asked, the answers lined up with them, their checks, and how
/// they are stored. An answer is only ever kept for a question of the same edition.
/// </summary>
public sealed class QuestionForm(ForumDbContext db)
{
    public const int MaxTextLength = 1000;

    /// <summary>The questions still asked in an edition, in their order, with their choices.</summary>
    public async Task<IReadOnlyList<Question>> AskedAsync(int forumId, CancellationToken ct) =>
        await db.Questions.AsNoTracking().Include(q => q.Choices.OrderBy(c => c.Position).ThenBy(c => c.Id))
            .Where(q => q.ForumId == forumId && !q.Retired).OrderBy(q => q.Position).ThenBy(q => q.Id).AsSplitQuery().ToListAsync(ct);

    /// <summary>One answer per question, in the questions' order, whatever order (or tampering) the browser posted.</summary>
    public static List<AnswerInput> Align(IReadOnlyList<Question> questions, IEnumerable<AnswerInput>? posted)
    {
        var byQuestion = (posted ?? []).Where(a => a is not null).GroupBy(a => a.QuestionId).ToDictionary(g => g.Key, g => g.First());
        return questions.Select(q => byQuestion.TryGetValue(q.Id, out var a)
            ? new AnswerInput { QuestionId = q.Id, Text = a.Text, Choices = a.Choices ?? [] }
            : new AnswerInput { QuestionId = q.Id }).ToList();
    }

    /// <summary>Every answer a delegate has given, retired questions included, in the questions' order.</summary>
    public async Task<IReadOnlyList<GivenAnswer>> ShownAsync(int delegateId, CancellationToken ct)
    {
        var rows = await db.DelegateAnswers.AsNoTracking().Include(a => a.Question).Include(a => a.Choice)
            .Where(a => a.DelegateId == delegateId).ToListAsync(ct);
        return rows.GroupBy(a => a.QuestionId).Select(g => new GivenAnswer(g.First().Question!,
                g.FirstOrDefault(a => a.Text is not null)?.Text,
                g.Where(a => a.Choice is not null).Select(a => a.Choice!).OrderBy(c => c.Position).ToList()))
            .OrderBy(a => a.Question.Position).ThenBy(a => a.Question.Id).ToList();
    }

    /// <summary>The answers already given, for an edit form.</summary>
    public async Task<List<AnswerInput>> GivenAsync(IReadOnlyList<Question> questions, int delegateId, CancellationToken ct)
    {
        var rows = await db.DelegateAnswers.AsNoTracking().Where(a => a.DelegateId == delegateId).ToListAsync(ct);
        return questions.Select(q => new AnswerInput
        {
            QuestionId = q.Id,
            Text = rows.FirstOrDefault(r => r.QuestionId == q.Id && r.Text is not null)?.Text,
            Choices = rows.Where(r => r.QuestionId == q.Id && r.ChoiceId is not null).Select(r => r.ChoiceId!.Value).ToList(),
        }).ToList();
    }

    /// <summary>
    /// Cleans and checks aligned answers, with each message next to its question. <paramref name="enforceRequired"/> is
    /// off for organizers, who may not know a delegate's answer.
    /// </summary>
    public static void Validate(IReadOnlyList<Question> questions, List<AnswerInput> answers, string prefix, bool enforceRequired,
        FieldErrors state, IStringLocalizer text)
    {
        for (var i = 0; i < questions.Count; i++)
        {
            var question = questions[i];
            var answer = answers[i];
            var field = $"{prefix}[{i}]";
            answer.Text = PersonName.CleanOrNull(answer.Text);
            answer.Choices = answer.Choices.Distinct().ToList();
            switch (question.Kind)
            {
                case QuestionKind.Text:
                    answer.Choices = [];
                    if (answer.Text is { Length: > MaxTextLength })
                    {
                        state.Add(field + ".Text", text["Validation_AnswerTooLong", MaxTextLength]);
                    }
                    else if (answer.Text is not null && answer.Text.IndexOfAny(['<', '>']) >= 0)
                    {
                        state.Add(field + ".Text", text["Validation_NoMarkup"]);
                    }
                    else if (answer.Text is null && question.Required && enforceRequired)
                    {
                        state.Add(field + ".Text", text["Validation_Answer"]);
                    }

                    break;
                case QuestionKind.YesNo:
                    answer.Choices = [];
                    if (answer.Text is not (null or DelegateAnswer.Yes or DelegateAnswer.No))
                    {
                        answer.Text = null;
                        state.Add(field + ".Text", text["Validation_Choose"]);
                    }
                    else if (answer.Text is null && question.Required && enforceRequired)
                    {
                        state.Add(field + ".Text", text["Validation_Answer"]);
                    }

                    break;
                default:
                    answer.Text = null;
                    if (answer.Choices.Any(c => question.Choices.All(known => known.Id != c))
                        || (question.Kind == QuestionKind.SingleChoice && answer.Choices.Count > 1))
                    {
                        answer.Choices = [];
                        state.Add(field + ".Choices", text["Validation_Choose"]);
                    }
                    else if (answer.Choices.Count == 0 && question.Required && enforceRequired)
                    {
                        state.Add(field + ".Choices", text["Validation_Answer"]);
                    }

                    break;
            }
        }
    }

    /// <summary>Replaces a delegate's answers with these; the caller saves, inside its own transaction.</summary>
    public async Task ReplaceAsync(int delegateId, IReadOnlyList<Question> questions, IReadOnlyList<AnswerInput> answers, CancellationToken ct)
    {
        var asked = questions.Select(q => q.Id).ToList();
        db.DelegateAnswers.RemoveRange(await db.DelegateAnswers.Where(a => a.DelegateId == delegateId && asked.Contains(a.QuestionId)).ToListAsync(ct));
        foreach (var row in Rows(answers))
        {
            row.DelegateId = delegateId;
            db.DelegateAnswers.Add(row);
        }
    }

    /// <summary>The rows to store for a new registration, attached to it once it has its id.</summary>
    public static IEnumerable<DelegateAnswer> Rows(IEnumerable<AnswerInput> answers) => answers.SelectMany(a => a.Text is not null
        ? [new DelegateAnswer { QuestionId = a.QuestionId, Text = a.Text }]
        : a.Choices.Select(c => new DelegateAnswer { QuestionId = a.QuestionId, ChoiceId = c }));

    /// <summary>A short description of answers for the audit log.</summary>
    public static string Describe(IReadOnlyList<Question> questions, IReadOnlyList<AnswerInput> answers) => string.Join('\n',
        questions.Select((q, i) => $"{q.TextEn}: " + (answers[i].Text
            ?? string.Join(", ", answers[i].Choices.Select(c => q.Choices.FirstOrDefault(k => k.Id == c)?.TextEn)))));
}
