using System.Net;
using System.Text.RegularExpressions;
using ForumManager.Core.Accounts;
using ForumManager.Core.Delegates;
using ForumManager.Core.Programme;
using ForumManager.Core.Protocol;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Web.Tests.Admin.Protocol;

public sealed class ProtocolAppFixture : ForumAppFactory;

/// <summary>The seating PDFs of a session, the speakers' pages and the run-of-show, as an organizer gets them.</summary>
public sealed class ProtocolDocumentsTests(ProtocolAppFixture app) : IClassFixture<ProtocolAppFixture>
{
    private static readonly (string Language, string Native, string Family, string Given)[] People =
    [
        ("zh-Hans", "王小明", "Wang", "Xiaoming"),
        ("ja", "山田太郎", "Yamada", "Taro"),
        ("ko", "김민준", "Kim", "Minjun"),
        ("ru", "Иван Петров", "Petrov", "Ivan"),
        ("ar", "محمد العلي", "Al-Ali", "Mohammed"),
        ("th", "สมชาย ใจดี", "Jaidee", "Somchai"),
        ("hi", "राहुल शर्मा", "Sharma", "Rahul"),
    ];

    /// <summary>Delegates with names in seven scripts, made once for the fixture's forum; their ids in the order above.</summary>
    private async Task<List<int>> PeopleAsync() => await app.WithDbAsync(async db =>
    {
        var forumId = await db.Forums.Select(f => f.Id).SingleAsync();
        var existing = await db.Delegates.Where(d => d.Email.EndsWith("@protocol.example.org")).OrderBy(d => d.Id).Select(d => d.Id).ToListAsync();
        if (existing.Count > 0)
        {
            return existing;
        }

        var made = People.Select((p, i) => new Delegate
        {
            ForumId = forumId, FamilyName = p.Family, GivenName = p.Given, NativeName = p.Native, NativeNameLanguage = p.Language,
            CountryCode = "FR", Email = $"p{i}@protocol.example.org", Position = "Mayor", Category = DelegateCategory.Delegate,
            Status = RegistrationStatus.Approved, PrecedenceRank = 10 - i, InterpretationLanguage = i == 3 ? "ru" : null,
            CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
        }).ToList();
        db.Delegates.AddRange(made);
        await db.SaveChangesAsync();
        return made.Select(d => d.Id).ToList();
    });

    private Task<int> SessionAsync(SessionType type) =>
        app.WithDbAsync(db => db.Sessions.Where(s => s.Type == type).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync());

    /// <summary>The banquet seated at two round tables of ten, as the seating page would leave it (written directly here).</summary>
    private async Task<int> SeatedBanquetAsync()
    {
        var people = await PeopleAsync();
        return await app.WithDbAsync(async db =>
        {
            var session = await db.Sessions.FirstAsync(s => s.Type == SessionType.Banquet);
            if (await db.SeatAssignments.AnyAsync(a => a.SessionId == session.Id))
            {
                return session.Id;
            }

            // The demo forum has already chosen its banquet hall's layout for the banquet: this plan uses a smaller one.
            var layout = new SeatLayout { ForumId = session.ForumId, RoomId = session.RoomId!.Value, NameEn = "Banquet", NameZh = "宴会", Shape = LayoutShape.RoundTables, Tables = 2, SeatsPerTable = 10 };
            db.SeatLayouts.Add(layout);
            await db.SaveChangesAsync();
            var seating = await db.SessionSeatings.SingleOrDefaultAsync(s => s.SessionId == session.Id);
            if (seating is null)
            {
                db.SessionSeatings.Add(new SessionSeating { ForumId = session.ForumId, SessionId = session.Id, LayoutId = layout.Id });
            }
            else
            {
                seating.LayoutId = layout.Id;
            }

            db.SeatAssignments.AddRange(people.Select((id, i) => new SeatAssignment { ForumId = session.ForumId, SessionId = session.Id, Table = 1 + i / 4, Seat = 1 + i % 4, DelegateId = id }));
            db.ReservedSeats.Add(new ReservedSeat { ForumId = session.ForumId, SessionId = session.Id, Table = 2, Seat = 10, Purpose = SeatPurpose.Press });
            await db.SaveChangesAsync();
            return session.Id;
        });
    }

    [Theory]
    [InlineData("seat-map")]
    [InlineData("place-cards")]
    [InlineData("table-cards")]
    [InlineData("seating-list")]
    public async Task Should_print_each_seating_document_with_every_name_in_its_own_script_inside_the_page(string document)
    {
        var sessionId = await SeatedBanquetAsync();
        var client = await Clients.SignedInAsync(app, Roles.Organizer);

        var response = await client.GetAsync($"/admin/protocol/seating/{sessionId}/{document}.pdf?names=true");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"HISCF2010-welcome-banquet-{document}.pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var file = await PdfReadBack.SaveAsync(await response.Content.ReadAsByteArrayAsync(), document + ".pdf");
        await PdfReadBack.AssertValidAsync(file);
        var text = PdfReadBack.Flat(await PdfReadBack.TextAsync(file));
        foreach (var (_, native, family, given) in People)
        {
            Assert.Contains($"{family.ToUpperInvariant()} {given}", text, StringComparison.Ordinal);
            Assert.Contains(native, text, StringComparison.Ordinal);
        }

        if (document != "place-cards")
        {
            Assert.Contains("欢迎宴会", text, StringComparison.Ordinal);
        }

        var words = await PdfReadBack.WordsAsync(file);
        Assert.All(words, w => Assert.True(w.XMin >= 0 && w.YMin >= 0 && w.XMax <= w.PageWidth && w.YMax <= w.PageHeight, $"'{w.Text}' outside page {w.Page}"));
    }

    [Fact]
    public async Task Should_answer_409_with_a_reason_for_a_session_not_yet_seated_and_404_for_no_such_session()
    {
        var theme = await SessionAsync(SessionType.ThemeForum);
        var client = await Clients.SignedInAsync(app, Roles.Organizer);

        var unseated = await client.GetAsync($"/admin/protocol/seating/{theme}/place-cards.pdf");
        var missing = await client.GetAsync("/admin/protocol/seating/999999/place-cards.pdf");

        Assert.Equal(HttpStatusCode.Conflict, unseated.StatusCode);
        var page = await HtmlForms.ParseAsync(unseated);
        Assert.Contains("no seating plan yet", page.QuerySelector("[data-testid=no-seating-plan]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    /// <summary>The special-topic forum on the economy with four delegates as speakers, in the order given, none timed.</summary>
    private async Task<int> ForumWithSpeakersAsync()
    {
        var people = await PeopleAsync();
        return await app.WithDbAsync(async db =>
        {
            var session = await db.Sessions.Include(s => s.People).Where(s => s.Type == SessionType.SpecialTopicForum).OrderBy(s => s.Id).FirstAsync();
            session.People.RemoveAll(p => p.Role == SessionRole.Speaker);
            session.People.AddRange(people.Take(4).Select((id, i) => new SessionPerson { Role = SessionRole.Speaker, DelegateId = id, Position = i + 1 }));
            await db.SaveChangesAsync();
            return session.Id;
        });
    }

    [Fact]
    public async Task Should_list_the_speakers_refuse_bad_minutes_beside_the_field_and_order_them_by_precedence()
    {
        var sessionId = await ForumWithSpeakersAsync();
        var client = await Clients.SignedInAsync(app, Roles.Organizer);
        var url = $"/admin/protocol/speakers/{sessionId}";

        var list = await HtmlForms.GetPageAsync(client, "/admin/protocol/speakers");
        Assert.Equal("4", list.QuerySelector($"[data-testid=speaking-forum-{sessionId}] td.number")!.TextContent.Trim());
        Assert.NotNull(list.QuerySelector("a[href='/admin/protocol/speakers'][aria-current]"));

        var page = await HtmlForms.GetPageAsync(client, url);
        Assert.Equal(["WANG Xiaoming", "YAMADA Taro", "KIM Minjun", "PETROV Ivan"], page.QuerySelectorAll("[data-testid=speaker-name]").Select(e => e.TextContent.Trim()));

        var refused = await HtmlForms.SubmitAsync(client, page, url, new Dictionary<string, string> { ["Speakers[1].Minutes"] = "0", ["Speakers[2].Minutes"] = "12" }, formSelector: "form[action*='handler=Save']");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var again = await HtmlForms.ParseAsync(refused);
        var cell = again.QuerySelectorAll("[data-testid=speaker]")[1];
        Assert.Contains("between 1 and 240", cell.QuerySelector("[data-testid=minutes-error]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("0", cell.QuerySelector("input[type=number]")!.GetAttribute("value"));
        Assert.False(await app.WithDbAsync(db => db.SessionPeople.AnyAsync(p => p.SessionId == sessionId && p.SpeakingMinutes != null)));

        var ordered = await HtmlForms.SubmitAsync(client, page, url, new Dictionary<string, string>(), formSelector: "form[action*='handler=Precedence']");
        Assert.Equal(HttpStatusCode.Redirect, ordered.StatusCode);
        var after = await HtmlForms.GetPageAsync(client, url);
        Assert.Equal(["PETROV Ivan", "KIM Minjun", "YAMADA Taro", "WANG Xiaoming"], after.QuerySelectorAll("[data-testid=speaker-name]").Select(e => e.TextContent.Trim()));
    }

    [Fact]
    public async Task Should_print_the_run_of_show_with_names_in_their_scripts_times_in_order_and_the_booths_language()
    {
        var sessionId = await ForumWithSpeakersAsync();
        await app.WithDbAsync(async db =>
        {
            var speakers = await db.SessionPeople.Where(p => p.SessionId == sessionId && p.Role == SessionRole.Speaker).OrderBy(p => p.Position).ToListAsync();
            for (var i = 0; i < speakers.Count; i++)
            {
                speakers[i].SpeakingMinutes = 10 + 5 * i;
            }

            speakers[0].SpeakingLanguage = "zh";
            speakers[1].SpeakingLanguage = "ja";
            return await db.SaveChangesAsync();
        });
        var client = await Clients.SignedInAsync(app, Roles.Organizer);

        var response = await client.GetAsync($"/admin/protocol/speakers/{sessionId}/run-of-show.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var file = await PdfReadBack.SaveAsync(await response.Content.ReadAsByteArrayAsync(), "run-of-show.pdf");
        var text = PdfReadBack.Flat(await PdfReadBack.TextAsync(file));
        foreach (var (_, native, family, given) in People.Take(4))
        {
            Assert.Contains($"{family.ToUpperInvariant()} {given}", text, StringComparison.Ordinal);
            Assert.Contains(native, text, StringComparison.Ordinal);
        }

        // The economy forum runs 14:00–17:30 (the heading and the total say so); the speakers follow each other from its start.
        var times = Regex.Matches(text, @"(\d\d:\d\d)–(\d\d:\d\d)").Select(m => m.Value).ToList();
        Assert.Equal(["14:00–17:30", "14:00–17:30", "14:00–14:10", "14:10–14:25", "14:25–14:45", "14:45–15:10"], times);
        // What each speaks and what the Chinese–English booth gives: Chinese into English, Japanese into neither.
        var words = await PdfReadBack.WordsAsync(file);
        var first = words.Single(w => w.Text == "WANG");
        var row = words.Where(w => Math.Abs(w.YMin - first.YMin) < 3).OrderBy(w => w.XMin).Select(w => w.Text).ToList();
        Assert.Equal(["Chinese", "English", "10"], row.SkipWhile(t => t != "Chinese").Take(3));
        Assert.Contains("中文", text, StringComparison.Ordinal);
        Assert.Contains("Japanese", text, StringComparison.Ordinal);
        Assert.Contains("Moderator 主持人", text, StringComparison.Ordinal);
    }
}
