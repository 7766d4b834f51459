using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Html.Dom;
using ForumManager.Core.Accounts;
using ForumManager.Core.Languages;
using ForumManager.Features.Languages;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ForumManager.Web.Tests.Admin.Languages;

public sealed class ContentLanguageAppFixture : ForumAppFactory;

/// <summary>
/// The demo edition publishes in Russian, French and Arabic with a few texts translated: the agenda and its exports
/// show the reader's language where a text has it and English where not; organizers translate through their files.
/// </summary>
public sealed class ContentLanguageTests(ContentLanguageAppFixture app) : IClassFixture<ContentLanguageAppFixture>
{
    private static readonly XNamespace X = TranslationFiles.XliffNamespace;

    [Fact]
    public async Task Should_show_the_Russian_agenda_with_English_for_a_session_that_has_no_Russian_title()
    {
        var client = Clients.Anonymous(app);

        var page = await HtmlForms.GetPageAsync(client, "/agenda?lang=ru");

        var titles = page.QuerySelectorAll("[data-testid=agenda] h3").ToDictionary(h => h.TextContent.Trim(), h => h.GetAttribute("lang"));
        Assert.Equal("ru", titles["Церемония открытия"]);
        Assert.Contains("Lunch", titles.Keys);
        Assert.DoesNotContain("Opening ceremony", titles.Keys);
        var languages = page.QuerySelectorAll("[data-testid=content-languages] a").Select(a => a.GetAttribute("hreflang")).ToList();
        Assert.Equal(["en", "zh-Hans", "ru", "fr", "ar"], languages);

        // The interface stays English; only the programme's texts change.
        Assert.Equal("Agenda", page.QuerySelector("h1")!.TextContent.Trim());
        var english = await HtmlForms.GetPageAsync(client, "/agenda");
        Assert.Contains(english.QuerySelectorAll("[data-testid=agenda] h3"), h => h.TextContent.Trim() == "Opening ceremony");
    }

    [Fact]
    public async Task Should_export_the_Russian_schedule_json_with_English_where_a_title_has_no_Russian()
    {
        var client = Clients.Anonymous(app);

        using var json = JsonDocument.Parse(await client.GetStringAsync("/agenda/schedule.json?lang=ru"));

        var conference = json.RootElement.GetProperty("schedule").GetProperty("conference");
        Assert.StartsWith("Китайский (Хунань)", conference.GetProperty("title").GetString(), StringComparison.Ordinal);
        var titles = conference.GetProperty("days").EnumerateArray()
            .SelectMany(d => d.GetProperty("rooms").EnumerateObject().SelectMany(r => r.Value.EnumerateArray()))
            .Select(e => e.GetProperty("title").GetString()).ToList();
        Assert.Contains("Церемония открытия", titles);
        Assert.Contains("Lunch", titles);
        Assert.DoesNotContain("Opening ceremony", titles);

        // A language the edition does not publish in gives the English schedule.
        using var korean = JsonDocument.Parse(await client.GetStringAsync("/agenda/schedule.json?lang=ko"));
        Assert.StartsWith("2010 China Hunan", korean.RootElement.GetProperty("schedule").GetProperty("conference").GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_mark_the_Arabic_agenda_right_to_left()
    {
        var page = await HtmlForms.GetPageAsync(Clients.Anonymous(app), "/agenda?lang=ar");

        var opening = page.QuerySelectorAll("[data-testid=agenda] h3").Single(h => h.TextContent.Trim() == "حفل الافتتاح");
        Assert.Equal(("ar", "rtl"), (opening.GetAttribute("lang"), opening.GetAttribute("dir")));
    }

    [Fact]
    public async Task Should_take_a_translated_XLIFF_file_uploaded_on_the_languages_page_and_then_report_French_complete()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var page = await HtmlForms.GetPageAsync(organizer, "/admin/languages");
        Assert.Equal("false", page.QuerySelector("[data-testid=translation-report] tr[data-language=fr]")!.GetAttribute("data-complete"));

        var file = await organizer.GetAsync("/admin/languages?handler=File&language=fr&format=xliff");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(TranslationFiles.XliffType, file.Content.Headers.ContentType!.MediaType);
        var document = XDocument.Parse(await file.Content.ReadAsStringAsync());
        var opening = "session.title." + await OpeningIdAsync();
        Assert.DoesNotContain(document.Descendants(X + "unit"), u => u.Attribute("id")!.Value == opening);
        foreach (var segment in document.Descendants(X + "segment"))
        {
            segment.Add(new XElement(X + "target", "FR " + segment.Element(X + "source")!.Value));
        }

        var (response, result) = await UploadAsync(organizer, "fr.xlf", Encoding.UTF8.GetBytes(document.ToString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(result.QuerySelector("[data-testid=upload-result]"));
        Assert.Equal("true", result.QuerySelector("[data-testid=translation-report] tr[data-language=fr]")!.GetAttribute("data-complete"));
        var french = await HtmlForms.GetPageAsync(Clients.Anonymous(app), "/agenda?lang=fr");
        Assert.Contains(french.QuerySelectorAll("[data-testid=agenda] h3"), h => h.TextContent.Trim() == "FR Lunch");
    }

    [Fact]
    public async Task Should_say_next_to_the_file_field_why_a_file_is_refused_and_save_nothing()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var before = await app.WithDbAsync(db => db.ContentTranslations.CountAsync());

        var (notXml, page) = await UploadAsync(organizer, "ru.xlf", Encoding.UTF8.GetBytes($"<xliff xmlns=\"{X}\" version=\"2.0\" srcLang=\"en\" trgLang=\"ru\"><file"));
        var (wrongType, typePage) = await UploadAsync(organizer, "ru.docx", [1, 2, 3]);
        var venue = await app.WithDbAsync(db => db.Venues.AsNoTracking().OrderBy(v => v.Id).Select(v => v.Id).FirstAsync());
        var (partly, partlyPage) = await UploadAsync(organizer, "ru.xlf", Encoding.UTF8.GetBytes($"""
            <xliff xmlns="{X}" version="2.0" srcLang="en" trgLang="ru"><file id="f1">
              <unit id="venue.name.{venue}"><segment><source>Hotel</source><target>Отель</target></segment></unit>
              <unit id="venue-name-x"><segment><source>Hotel</source><target>Отель</target></segment></unit>
            </file></xliff>
            """));

        Assert.Equal(HttpStatusCode.OK, notXml.StatusCode);
        Assert.Contains("XML", page.QuerySelector("[data-valmsg-for=Upload]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, wrongType.StatusCode);
        Assert.Contains("XLIFF", typePage.QuerySelector("[data-valmsg-for=Upload]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, partly.StatusCode);
        Assert.Contains("venue-name-x", partlyPage.QuerySelector("[data-testid=upload-problems]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.ContentTranslations.CountAsync()));
    }

    [Fact]
    public async Task Should_let_an_organizer_translate_a_text_on_the_page_and_a_delegate_choose_Russian_for_messages()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var lunch = await app.WithDbAsync(db => db.Sessions.AsNoTracking().Where(s => s.TitleEn == "Lunch").Select(s => s.Id).FirstAsync());
        var page = await HtmlForms.GetPageAsync(organizer, "/admin/languages/ru");
        Assert.NotNull(page.QuerySelector($"input[name='Values[session.title.{lunch}]']"));

        var saved = await HtmlForms.SubmitAsync(organizer, page, "/admin/languages/ru",
            new Dictionary<string, string> { [$"Values[session.title.{lunch}]"] = "Обед" }, "[data-testid=translations-form]");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var agenda = await HtmlForms.GetPageAsync(Clients.Anonymous(app), "/agenda?lang=ru");
        Assert.Contains(agenda.QuerySelectorAll("[data-testid=agenda] h3"), h => h.TextContent.Trim() == "Обед");

        // The registration form offers the edition's languages for messages.
        var register = await HtmlForms.GetPageAsync(Clients.Anonymous(app), "/register");
        var options = register.QuerySelectorAll("select[name='Input.PreferredLanguage'] option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal(["en", "zh-Hans", "ru", "fr", "ar"], options);

        // A language that is not the edition's is refused on a page that is not the organizer's.
        Assert.Equal(HttpStatusCode.NotFound, (await organizer.GetAsync("/admin/languages/ja")).StatusCode);
    }

    [Fact]
    public async Task Should_ask_the_registration_questions_in_Russian_and_offer_Russian_messages_to_a_reader_who_chose_Russian()
    {
        var question = await app.WithDbAsync(db => db.Questions.AsNoTracking().Where(q => !q.Retired).OrderBy(q => q.Position).FirstAsync());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var forum = await app.WithDbAsync(db => db.Forums.AsNoTracking().SingleAsync());
            var (saved, _) = await scope.ServiceProvider.GetRequiredService<ContentTexts>().SaveAsync(forum, "ru",
                [new TranslationInput(ContentFields.QuestionText, question.Id, "Какие темы вас интересуют?")], new Core.Auditing.Actor(null, "organizer"), CancellationToken.None);
            Assert.NotNull(saved);
        }

        var page = await HtmlForms.GetPageAsync(Clients.Anonymous(app), "/register?lang=ru");

        var questions = page.QuerySelector("[data-testid=questions]")!.TextContent;
        Assert.Contains("Какие темы вас интересуют?", questions, StringComparison.Ordinal);
        Assert.DoesNotContain(question.TextEn, questions, StringComparison.Ordinal);
        Assert.Equal("ru", page.QuerySelector("select[name='Input.PreferredLanguage'] option[selected]")!.GetAttribute("value"));
        Assert.Contains(page.QuerySelectorAll("[data-testid=content-languages] a"), a => a.GetAttribute("href") == "/register?lang=ru");
    }

    [Fact]
    public async Task Should_show_a_Russian_reading_delegate_their_own_programme_in_Russian_where_it_is_translated()
    {
        var email = await app.CreateUserAsync(Roles.Delegate);
        var opening = await OpeningIdAsync();
        await app.WithDbAsync(async db =>
        {
            var person = new Core.Delegates.Delegate
            {
                ForumId = await db.Forums.Select(f => f.Id).SingleAsync(), UserId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(),
                FamilyName = "Petrova", GivenName = "Anna", CountryCode = "RU", Email = email, Category = Core.Delegates.DelegateCategory.Delegate,
                PreferredLanguage = "ru", Status = Core.Delegates.RegistrationStatus.Approved, CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
            };
            db.Delegates.Add(person);
            await db.SaveChangesAsync();
            db.Enrolments.Add(new Core.Programme.Enrolment { SessionId = opening, DelegateId = person.Id, Status = Core.Programme.EnrolmentStatus.Enrolled, CreatedUtc = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });

        var page = await HtmlForms.GetPageAsync(await Clients.SignInAsync(app, email, ForumAppFactory.Password), "/me/agenda");

        var title = page.QuerySelectorAll("h2[lang]").Single(h => h.QuerySelector($"a[href='/agenda/session/{opening}']") is not null);
        Assert.Equal(("Церемония открытия", "ru"), (title.TextContent.Trim(), title.GetAttribute("lang")));
    }

    private Task<int> OpeningIdAsync() => app.WithDbAsync(db => db.Sessions.AsNoTracking().Where(s => s.TitleEn == "Opening ceremony").Select(s => s.Id).FirstAsync());

    private static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> UploadAsync(HttpClient client, string fileName, byte[] content)
    {
        var form = await HtmlForms.GetPageAsync(client, "/admin/languages");
        var token = ((IHtmlInputElement)form.QuerySelector("[data-testid=upload-form] input[name=__RequestVerificationToken]")!).Value;
        using var body = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("ru"), "Language" } };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/xliff+xml");
        body.Add(file, "Upload", fileName);
        var response = await client.PostAsync("/admin/languages?handler=Upload", body);
        return (response, await HtmlForms.ParseAsync(response));
    }
}
