using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using ForumManager.Core.Accounts;
using ForumManager.Core.Registration;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Web.Tests;

/// <summary>The four kinds of question an organizer can add, as the tests ask them.</summary>
internal sealed record AskedQuestions(int Text, int Single, int[] SingleChoices, int Multiple, int[] MultipleChoices, int YesNo, IReadOnlyList<int> OnForm)
{
    private const string TextQuestion = "Which company do you represent at the trade fair?";

    /// <summary>Adds them through the organizers' page, as an organizer would, once per app.</summary>
    public static async Task<AskedQuestions> AddAsync(ForumAppFactory app)
    {
        if (!await app.WithDbAsync(db => db.Questions.AnyAsync(q => q.TextEn == TextQuestion)))
        {
            var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
            foreach (var (kind, en, zh, choices) in new[]
            {
                (QuestionKind.Text, TextQuestion, "您在经贸洽谈会上代表哪家企业？", ""),
                (QuestionKind.SingleChoice, "Which special-topic forum will you attend?", "您将参加哪个专题论坛？",
                    "Economic cooperation | 经贸合作\nCulture and education | 文化教育\nUrban development | 城市发展"),
                (QuestionKind.MultipleChoice, "Which visits interest you?", "您对哪些参观感兴趣？",
                    "Yuelu Academy | 岳麓书院\nHunan Museum | 湖南博物院\nShaoshan | 韶山"),
                (QuestionKind.YesNo, "Will you attend the welcome banquet?", "您是否出席欢迎晚宴？", ""),
            })
            {
                var saved = await HtmlForms.SubmitAsync(organizer, "/admin/questions", new Dictionary<string, string>
                {
                    ["Input.Kind"] = kind.ToString(),
                    ["Input.TextEn"] = en,
                    ["Input.TextZh"] = zh,
                    ["Input.Required"] = "true",
                    ["Input.Choices"] = choices,
                }, "[data-testid=question-form]");
                Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            }
        }

        // The demo forum asks two optional questions of its own first; these four come after them.
        var all = await app.WithDbAsync(db => db.Questions.AsNoTracking().Include(q => q.Choices).Where(q => !q.Retired)
            .OrderBy(q => q.Position).ThenBy(q => q.Id).ToListAsync());
        var ours = all.SkipWhile(q => q.TextEn != TextQuestion).Take(4).ToList();
        int[] Choices(Question q) => q.Choices.OrderBy(c => c.Position).Select(c => c.Id).ToArray();
        return new AskedQuestions(ours[0].Id, ours[1].Id, Choices(ours[1]), ours[2].Id, Choices(ours[2]), ours[3].Id, all.Select(q => q.Id).ToList());
    }

    /// <summary>The form field of a question's answer; answers are posted by the question's place on the form.</summary>
    public string Field(int question, string part) => $"Input.Answers[{OnForm.ToList().IndexOf(question)}].{part}";

    /// <summary>A whole set of answers to the four questions.</summary>
    public List<KeyValuePair<string, string>> Answers(string? company = "Hunan Trading Co. 湖南贸易公司", int? single = 1, int[]? multiple = null, string? yesNo = "yes")
    {
        var fields = new List<KeyValuePair<string, string>>();
        if (company is not null)
        {
            fields.Add(new(Field(Text, "Text"), company));
        }

        if (single is { } s)
        {
            fields.Add(new(Field(Single, "Choices"), SingleChoices[s].ToString(CultureInfo.InvariantCulture)));
        }

        foreach (var m in multiple ?? [0, 2])
        {
            fields.Add(new(Field(Multiple, "Choices"), MultipleChoices[m].ToString(CultureInfo.InvariantCulture)));
        }

        if (yesNo is not null)
        {
            fields.Add(new(Field(YesNo, "Text"), yesNo));
        }

        return fields;
    }
}

internal static class RawForms
{
    /// <summary>
    /// Posts a page's form with some fields given as a list, so one name can carry several values (ticked boxes); the
    /// page's other fields, token included, go as the page has them.
    /// </summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, IHtmlDocument page, string url, string formSelector,
        IEnumerable<KeyValuePair<string, string>> given)
    {
        var values = given.ToList();
        var names = values.Select(v => v.Key).ToHashSet(StringComparer.Ordinal);
        var form = (IHtmlFormElement)page.QuerySelector(formSelector)!;
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && !names.Contains(input.Name):
                    if ((input.Type is not ("checkbox" or "radio" or "submit" or "button")) || input.IsChecked)
                    {
                        fields.Add(new(input.Name, input.Value));
                    }

                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name) && !names.Contains(select.Name):
                    fields.Add(new(select.Name, select.Value ?? string.Empty));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name) && !names.Contains(area.Name):
                    fields.Add(new(area.Name, area.Value));
                    break;
            }
        }

        fields.AddRange(values);
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }
}
