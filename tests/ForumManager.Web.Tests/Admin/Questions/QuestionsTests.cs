using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using ForumManager.Core.Accounts;
using ForumManager.Core.Registration;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Web.Tests.Admin.Questions;

public sealed class QuestionsAppFixture : ForumAppFactory;

public sealed class QuestionsTests(QuestionsAppFixture app) : IClassFixture<QuestionsAppFixture>
{
    private static string NewEmail() => $"answers-{Guid.NewGuid():N}@city.example.org";

    private async Task<HttpResponseMessage> RegisterAsync(HttpClient client, string email, IEnumerable<KeyValuePair<string, string>> answers)
    {
        var page = await HtmlForms.GetPageAsync(client, RegistrationForm.Url);
        return await RawForms.PostAsync(client, page, RegistrationForm.Url, "[data-testid=registration-form]",
            RegistrationForm.Valid(email).Concat(answers));
    }

    [Fact]
    public async Task Should_ask_the_organizers_questions_in_the_delegates_language_and_keep_the_answers()
    {
        var asked = await AskedQuestions.AddAsync(app);
        var chinese = await HtmlForms.GetPageAsync(Clients.Anonymous(app, "zh-CN"), RegistrationForm.Url);
        var legends = chinese.QuerySelectorAll("[data-testid=questions] label, [data-testid=questions] fieldset legend").Select(e => e.TextContent).ToList();
        Assert.Contains(legends, l => l.Contains("您将参加哪个专题论坛？", StringComparison.Ordinal));
        Assert.Contains("文化教育", chinese.QuerySelector("[data-testid=questions]")!.TextContent, StringComparison.Ordinal);

        var email = NewEmail();
        var response = await RegisterAsync(Clients.Anonymous(app), email, asked.Answers(single: 1, multiple: [0, 2], yesNo: "no"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await app.WithDbAsync(db => db.DelegateAnswers.AsNoTracking().Where(a => db.Delegates.Any(d => d.Id == a.DelegateId && d.Email == email))
            .OrderBy(a => a.QuestionId).ThenBy(a => a.ChoiceId).Select(a => new { a.QuestionId, a.Text, a.ChoiceId }).ToListAsync());
        Assert.Equal(
            [new { QuestionId = asked.Text, Text = (string?)"Hunan Trading Co. 湖南贸易公司", ChoiceId = (int?)null },
             new { QuestionId = asked.Single, Text = (string?)null, ChoiceId = (int?)asked.SingleChoices[1] },
             new { QuestionId = asked.Multiple, Text = (string?)null, ChoiceId = (int?)asked.MultipleChoices[0] },
             new { QuestionId = asked.Multiple, Text = (string?)null, ChoiceId = (int?)asked.MultipleChoices[2] },
             new { QuestionId = asked.YesNo, Text = (string?)"no", ChoiceId = (int?)null }],
            stored);

        await app.WithDbAsync(async db => await db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailConfirmed, true)));
        var me = await Clients.SignInAsync(app, email, ForumAppFactory.Password);
        var mine = (await HtmlForms.GetPageAsync(me, "/me")).QuerySelector("[data-testid=my-answers]")!.TextContent;
        Assert.Contains("Culture and education", mine, StringComparison.Ordinal);
        Assert.Contains("Yuelu Academy, Shaoshan", mine, StringComparison.Ordinal);
        var data = await me.GetStringAsync("/me/data.json");
        Assert.Contains("\"answer\": \"Hunan Trading Co. 湖南贸易公司\"", data, StringComparison.Ordinal);
        Assert.Contains("\"answer\": \"Culture and education\"", data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_refuse_missing_and_forged_answers_next_to_the_question_and_store_nothing()
    {
        var asked = await AskedQuestions.AddAsync(app);
        var client = Clients.Anonymous(app);
        var otherQuestionsChoice = asked.MultipleChoices[0].ToString(CultureInfo.InvariantCulture);
        var cases = new (string Name, List<KeyValuePair<string, string>> Answers, int QuestionWithError)[]
        {
            ("no text", asked.Answers(company: null), asked.Text),
            ("blank text", asked.Answers(company: "  \u200F "), asked.Text),
            ("markup", asked.Answers(company: "<script>alert(1)</script>"), asked.Text),
            ("overlong", asked.Answers(company: new string('x', 1001)), asked.Text),
            ("no choice", asked.Answers(single: null), asked.Single),
            ("another question's choice", [.. asked.Answers(single: null), new(asked.Field(asked.Single, "Choices"), otherQuestionsChoice)], asked.Single),
            ("two choices for one", [.. asked.Answers(single: 0), new(asked.Field(asked.Single, "Choices"), asked.SingleChoices[2].ToString(CultureInfo.InvariantCulture))], asked.Single),
            ("nothing ticked", asked.Answers(multiple: []), asked.Multiple),
            ("not a choice", [.. asked.Answers(multiple: []), new(asked.Field(asked.Multiple, "Choices"), "abc")], asked.Multiple),
            ("maybe", asked.Answers(yesNo: "maybe"), asked.YesNo),
            ("no yes or no", asked.Answers(yesNo: null), asked.YesNo),
        };

        foreach (var (name, answers, question) in cases)
        {
            var email = NewEmail();
            var response = await RegisterAsync(client, email, answers);

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name}: {(int)response.StatusCode}");
            var page = await HtmlForms.ParseAsync(response);
            var error = page.QuerySelector($"[data-question-error='{question}']");
            Assert.True(error is not null && error.TextContent.Trim().Length > 0, $"{name}: no message next to question {question}");
            Assert.False(await app.WithDbAsync(db => db.Delegates.AnyAsync(d => d.Email == email)), name);
        }
    }

    [Fact]
    public async Task Should_filter_the_delegate_list_by_an_answer()
    {
        var asked = await AskedQuestions.AddAsync(app);
        var culture = NewEmail();
        var urban = NewEmail();
        Assert.Equal(HttpStatusCode.Redirect, (await RegisterAsync(Clients.Anonymous(app), culture, asked.Answers(company: "Lyon Silk Works", single: 1))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await RegisterAsync(Clients.Anonymous(app), urban, asked.Answers(company: "Kumamoto Rail", single: 2, yesNo: "no"))).StatusCode);
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);

        async Task<List<string>> ListedAsync(string query)
        {
            var page = await HtmlForms.GetPageAsync(organizer, "/admin/delegates?" + query);
            var ids = page.QuerySelectorAll("[data-testid=delegates] tbody input[name=Selected]").Select(i => int.Parse(((IHtmlInputElement)i).Value, CultureInfo.InvariantCulture)).ToList();
            return await app.WithDbAsync(db => db.Delegates.Where(d => ids.Contains(d.Id)).Select(d => d.Email).ToListAsync());
        }

        var byChoice = await ListedAsync($"answer={asked.Single}:{asked.SingleChoices[1]}");
        Assert.Contains(culture, byChoice);
        Assert.DoesNotContain(urban, byChoice);

        var byText = await ListedAsync($"answer={asked.Text}&contains=kumamoto");
        Assert.Equal([urban], byText);

        var byNo = await ListedAsync($"answer={asked.YesNo}:no");
        Assert.Contains(urban, byNo);
        Assert.DoesNotContain(culture, byNo);

        var forged = await organizer.GetAsync("/admin/delegates?answer=abc:%3Cscript%3E");
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);

        var id = await app.WithDbAsync(db => db.Delegates.Where(d => d.Email == urban).Select(d => d.Id).SingleAsync());
        var details = await HtmlForms.GetPageAsync(organizer, $"/admin/delegates/details/{id}");
        Assert.Contains("Kumamoto Rail", details.QuerySelector("[data-testid=answers]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_keep_answers_safe_when_organizers_change_their_questions()
    {
        var asked = await AskedQuestions.AddAsync(app);
        var email = NewEmail();
        Assert.Equal(HttpStatusCode.Redirect, (await RegisterAsync(Clients.Anonymous(app), email, asked.Answers(multiple: [1, 2]))).StatusCode);
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);

        // A choice someone ticked cannot be taken away, and an answered question keeps its kind.
        var dropChoice = await HtmlForms.SubmitAsync(organizer, $"/admin/questions?edit={asked.Multiple}", new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(QuestionKind.MultipleChoice), ["Input.TextEn"] = "Which visits interest you?", ["Input.TextZh"] = "您对哪些参观感兴趣？",
            ["Input.Choices"] = "Yuelu Academy | 岳麓书院\nHunan Museum | 湖南博物院",
        }, "[data-testid=question-form]");
        Assert.Equal(HttpStatusCode.OK, dropChoice.StatusCode);
        Assert.Contains("has been chosen", (await HtmlForms.ParseAsync(dropChoice)).QuerySelector("[data-valmsg-for='Input.Choices']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(3, await app.WithDbAsync(db => db.QuestionChoices.CountAsync(c => c.QuestionId == asked.Multiple)));

        var changeKind = await HtmlForms.SubmitAsync(organizer, $"/admin/questions?edit={asked.YesNo}", new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(QuestionKind.Text), ["Input.TextEn"] = "Banquet?", ["Input.TextZh"] = "晚宴？", ["Input.Choices"] = "",
        }, "[data-testid=question-form]");
        Assert.Contains("cannot change", (await HtmlForms.ParseAsync(changeKind)).QuerySelector("[data-valmsg-for='Input.Kind']")!.TextContent, StringComparison.Ordinal);

        // Rewording keeps the answers under the new words.
        var reword = await HtmlForms.SubmitAsync(organizer, $"/admin/questions?edit={asked.Multiple}", new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(QuestionKind.MultipleChoice), ["Input.TextEn"] = "Which visits would you like?", ["Input.TextZh"] = "您希望参观哪些地方？",
            ["Input.Choices"] = "Yuelu Academy | 岳麓书院\nHunan Provincial Museum | 湖南省博物馆\nShaoshan | 韶山\nOrange Isle | 橘子洲",
        }, "[data-testid=question-form]");
        Assert.Equal(HttpStatusCode.Redirect, reword.StatusCode);
        Assert.Equal(4, await app.WithDbAsync(db => db.QuestionChoices.CountAsync(c => c.QuestionId == asked.Multiple)));

        // An answered question is retired, not deleted: gone from the form, its answers still on the record.
        var list = await HtmlForms.GetPageAsync(organizer, "/admin/questions");
        Assert.Null(list.QuerySelector($"tr[data-question='{asked.Multiple}'] [data-testid=delete-question]"));
        var retired = await HtmlForms.SubmitAsync(organizer, list, "/admin/questions", new Dictionary<string, string>(),
            $"form[action*='handler=Retire'][action*='id={asked.Multiple}&']");
        Assert.Equal(HttpStatusCode.Redirect, retired.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Questions.Where(q => q.Id == asked.Multiple).Select(q => q.Retired).SingleAsync()));
        var form = await HtmlForms.GetPageAsync(Clients.Anonymous(app), RegistrationForm.Url);
        Assert.DoesNotContain("Which visits would you like?", form.QuerySelector("[data-testid=questions]")!.TextContent, StringComparison.Ordinal);
        var id = await app.WithDbAsync(db => db.Delegates.Where(d => d.Email == email).Select(d => d.Id).SingleAsync());
        var details = await HtmlForms.GetPageAsync(organizer, $"/admin/delegates/details/{id}");
        Assert.Contains("Hunan Provincial Museum", details.QuerySelector("[data-testid=answers]")!.TextContent, StringComparison.Ordinal);

        // Put it back for the other tests of this class.
        var restore = await HtmlForms.GetPageAsync(organizer, "/admin/questions");
        await HtmlForms.SubmitAsync(organizer, restore, "/admin/questions", new Dictionary<string, string>(), $"form[action*='handler=Retire'][action*='id={asked.Multiple}&']");
        Assert.False(await app.WithDbAsync(db => db.Questions.Where(q => q.Id == asked.Multiple).Select(q => q.Retired).SingleAsync()));
    }
}
