using System.Net;
using ForumManager.Core.Accounts;
using ForumManager.Core.Auditing;
using ForumManager.Core.Delegates;
using ForumManager.Core.Programme;
using ForumManager.Features.Programme;
using ForumManager.Features.Registration;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Web.Tests.Agenda;

public sealed class AgendaAppFixture : ForumAppFactory;

/// <summary>The released agenda, enrolment with seats and a waiting list, and releases that tell enrolled delegates.</summary>
public sealed class AgendaTests(AgendaAppFixture app) : IClassFixture<AgendaAppFixture>
{
    private Task<Session> TopicAsync(string track) => app.WithDbAsync(db => db.Sessions.AsNoTracking()
        .SingleAsync(s => s.Type == SessionType.SpecialTopicForum && s.Track!.NameEn == track));

    /// <summary>An approved delegate with a confirmed account, signed in.</summary>
    private async Task<(HttpClient Client, int Id, string Email)> DelegateAsync(string language = "en")
    {
        var email = await app.CreateUserAsync(Roles.Delegate);
        var id = await app.WithDbAsync(async db =>
        {
            var record = new Delegate
            {
                ForumId = await db.Forums.Select(f => f.Id).SingleAsync(), UserId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(),
                FamilyName = "Okafor", GivenName = "Ada", CountryCode = "NG", Email = email, Category = DelegateCategory.Delegate, PreferredLanguage = language,
                Status = RegistrationStatus.Approved, CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
            };
            db.Delegates.Add(record);
            await db.SaveChangesAsync();
            return record.Id;
        });
        return (await Clients.SignInAsync(app, email, ForumAppFactory.Password), id, email);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, int sessionId, string handler)
    {
        var page = await HtmlForms.GetPageAsync(client, $"/agenda/session/{sessionId}");
        return await HtmlForms.SubmitAsync(client, page, $"/agenda/session/{sessionId}", new Dictionary<string, string>(), $"form[action*='handler={handler}']");
    }

    [Fact]
    public async Task Should_show_the_released_demo_programme_in_both_languages_without_invitation_only_sessions()
    {
        var english = await HtmlForms.GetPageAsync(Clients.Anonymous(app), "/agenda");
        var chinese = await HtmlForms.GetPageAsync(Clients.Anonymous(app, "zh-CN"), "/agenda");

        Assert.Contains("Opening ceremony", english.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("开幕式", chinese.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var topics = await HtmlForms.GetPageAsync(Clients.Anonymous(app), "/agenda?type=SpecialTopicForum");
        Assert.Equal(4, topics.QuerySelectorAll("[data-testid=agenda] li").Length);
        var bilateral = await app.WithDbAsync(db => db.Sessions.Where(s => !s.IsPublic).Select(s => s.Id).FirstAsync());
        Assert.Empty(english.QuerySelectorAll($"[data-session='{bilateral}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await Clients.Anonymous(app).GetAsync($"/agenda/session/{bilateral}")).StatusCode);
        var printable = await HtmlForms.GetPageAsync(Clients.Anonymous(app, "zh-CN"), "/agenda/print");
        Assert.Equal(3, printable.QuerySelectorAll("[data-testid=printable] h2").Length);
        Assert.Contains("专题论坛：文化", printable.QuerySelector("[data-testid=printable]")!.TextContent, StringComparison.Ordinal);
        var theme = await app.WithDbAsync(db => db.Sessions.Where(s => s.Type == SessionType.ThemeForum).Select(s => s.Id).SingleAsync());
        var page = await HtmlForms.GetPageAsync(Clients.Anonymous(app), $"/agenda/session/{theme}");
        // Languages are named in the reader's language, never given as codes.
        Assert.Contains("Simultaneous Chinese – English", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var themeInChinese = (await HtmlForms.GetPageAsync(Clients.Anonymous(app, "zh-CN"), $"/agenda/session/{theme}")).QuerySelector("main")!.TextContent;
        Assert.Contains("中文 – 英语", themeInChinese, StringComparison.Ordinal);
        Assert.DoesNotContain("zh,en", themeInChinese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_enrol_in_one_special_topic_forum_and_refuse_a_parallel_one_naming_the_clash()
    {
        var (client, _, _) = await DelegateAsync();
        var economy = await TopicAsync("Economy and Trade");
        var culture = await TopicAsync("Culture");

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, economy.Id, "Enrol")).StatusCode);
        var clash = await PostAsync(client, culture.Id, "Enrol");
        var page = await HtmlForms.GetPageAsync(client, clash.Headers.Location!.OriginalString);

        Assert.Contains("“Special-topic forum: Economy and Trade” at the same time", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[data-testid=my-enrolment]"));
        var mine = await HtmlForms.GetPageAsync(client, "/me/agenda");
        var items = mine.QuerySelectorAll("[data-testid=my-agenda] li").Select(li => li.TextContent).ToList();
        Assert.Contains(items, i => i.Contains("Economy and Trade", StringComparison.Ordinal) && i.Contains("Enrolled", StringComparison.Ordinal));
        Assert.DoesNotContain(items, i => i.Contains("Culture", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, economy.Id, "Withdraw")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, culture.Id, "Enrol")).StatusCode);
        Assert.Equal("Enrolled", (await HtmlForms.GetPageAsync(client, $"/agenda/session/{culture.Id}")).QuerySelector("[data-testid=my-enrolment]")!.TextContent);
    }

    [Fact]
    public async Task Should_seat_exactly_fifty_of_two_hundred_concurrent_enrolments_and_promote_from_the_waiting_list()
    {
        var session = await TopicAsync("Education");
        await app.WithDbAsync(db => db.Sessions.Where(s => s.Id == session.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Capacity, 50)));
        var people = await app.WithDbAsync(async db =>
        {
            var forumId = await db.Forums.Select(f => f.Id).SingleAsync();
            var crowd = Enumerable.Range(0, 200).Select(i => new Delegate
            {
                ForumId = forumId, FamilyName = "Crowd", GivenName = $"Member {i}", CountryCode = "FR", Email = $"crowd-{i}-{Guid.NewGuid():N}@example.org",
                Category = DelegateCategory.Delegate, Status = RegistrationStatus.Approved, CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
            }).ToList();
            db.Delegates.AddRange(crowd);
            await db.SaveChangesAsync();
            return crowd;
        });

        var results = await Task.WhenAll(people.Select(async person =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            return (await scope.ServiceProvider.GetRequiredService<Enrolments>().EnrolAsync(person, session.Id, CancellationToken.None)).Outcome;
        }));

        Assert.Equal(50, results.Count(r => r == EnrolOutcome.Enrolled));
        Assert.Equal(150, results.Count(r => r == EnrolOutcome.Waitlisted));
        var counts = await app.WithDbAsync(async db => (
            Enrolled: await db.Enrolments.CountAsync(e => e.SessionId == session.Id && e.Status == EnrolmentStatus.Enrolled),
            Waiting: await db.Enrolments.CountAsync(e => e.SessionId == session.Id && e.Status == EnrolmentStatus.Waitlisted),
            Seats: await db.Sessions.Where(s => s.Id == session.Id).Select(s => s.EnrolledCount).SingleAsync()));
        Assert.Equal((50, 150, 50), counts);

        var first = await app.WithDbAsync(db => db.Enrolments.Where(e => e.SessionId == session.Id && e.Status == EnrolmentStatus.Waitlisted)
            .OrderBy(e => e.CreatedUtc).ThenBy(e => e.Id).Select(e => e.DelegateId).FirstAsync());
        var leaving = await app.WithDbAsync(db => db.Enrolments.Where(e => e.SessionId == session.Id && e.Status == EnrolmentStatus.Enrolled).Select(e => e.DelegateId).FirstAsync());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<Enrolments>().WithdrawAsync(people.Single(p => p.Id == leaving), session.Id, CancellationToken.None));
        }

        Assert.Equal(EnrolmentStatus.Enrolled, await app.WithDbAsync(db => db.Enrolments.Where(e => e.SessionId == session.Id && e.DelegateId == first).Select(e => e.Status).SingleAsync()));
        var seats = await HtmlForms.GetPageAsync(Clients.Anonymous(app), $"/agenda/session/{session.Id}");
        Assert.Equal("50 of 50 seats taken", seats.QuerySelector("[data-testid=seats]")!.TextContent);
        var promotedEmail = people.Single(p => p.Id == first).Email;
        Assert.True(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.ToAddress == promotedEmail && m.Purpose == "programme.enrolment-promoted")));
        Assert.Equal(50, await app.WithDbAsync(db => db.Sessions.Where(s => s.Id == session.Id).Select(s => s.EnrolledCount).SingleAsync()));
    }

    /// <summary>A public session of its own with one seat, late on the last day, in no room.</summary>
    private Task<int> SmallSessionAsync(string title) => app.WithDbAsync(async db =>
    {
        var session = new Session
        {
            ForumId = await db.Forums.Select(f => f.Id).SingleAsync(), Type = SessionType.Visit, TitleEn = title, TitleZh = title,
            StartUtc = new DateTime(2010, 6, 24, 13, 0, 0, DateTimeKind.Utc), EndUtc = new DateTime(2010, 6, 24, 14, 0, 0, DateTimeKind.Utc),
            Capacity = 1, IsPublic = true, UpdatedUtc = DateTime.UtcNow,
        };
        db.Sessions.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    });

    private async Task<EnrolOutcome> EnrolAsync(int delegateId, int sessionId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumManager.Data.ForumDbContext>();
        var person = await db.Delegates.AsNoTracking().SingleAsync(d => d.Id == delegateId);
        return (await scope.ServiceProvider.GetRequiredService<Enrolments>().EnrolAsync(person, sessionId, CancellationToken.None)).Outcome;
    }

    private Task<EnrolmentStatus?> StatusAsync(int delegateId, int sessionId) => app.WithDbAsync(db =>
        db.Enrolments.Where(e => e.DelegateId == delegateId && e.SessionId == sessionId).Select(e => (EnrolmentStatus?)e.Status).SingleOrDefaultAsync());

    [Fact]
    public async Task Should_give_added_seats_and_seats_of_cancelled_registrations_to_those_waiting_in_order()
    {
        var sessionId = await SmallSessionAsync("Visit to the Yuelu Academy");
        var (_, first, _) = await DelegateAsync();
        var (_, second, secondEmail) = await DelegateAsync();
        var (_, third, _) = await DelegateAsync();
        Assert.Equal([EnrolOutcome.Enrolled, EnrolOutcome.Waitlisted, EnrolOutcome.Waitlisted],
            [await EnrolAsync(first, sessionId), await EnrolAsync(second, sessionId), await EnrolAsync(third, sessionId)]);
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);

        var more = await SessionForm.SubmitAsync(organizer, sessionId, new Dictionary<string, string> { [SessionForm.Capacity] = "2" });
        var fewer = await SessionForm.SubmitAsync(organizer, sessionId, new Dictionary<string, string> { [SessionForm.Capacity] = "1" });

        Assert.Equal(HttpStatusCode.Redirect, more.StatusCode);
        Assert.Equal(EnrolmentStatus.Enrolled, await StatusAsync(second, sessionId));
        Assert.Equal(EnrolmentStatus.Waitlisted, await StatusAsync(third, sessionId));
        Assert.True(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.ToAddress == secondEmail && m.Purpose == "programme.enrolment-promoted")));
        Assert.Equal(HttpStatusCode.OK, fewer.StatusCode);
        var fewerPage = await HtmlForms.ParseAsync(fewer);
        Assert.Contains("2 delegates are already enrolled", string.Join(" | ", fewerPage.QuerySelectorAll(".field-error").Select(e => e.TextContent)), StringComparison.Ordinal);
        Assert.Equal(2, await app.WithDbAsync(db => db.Sessions.Where(s => s.Id == sessionId).Select(s => s.Capacity).SingleAsync()));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var changes = scope.ServiceProvider.GetRequiredService<RegistrationStatusChanges>();
            await changes.ChangeAsync(await app.WithDbAsync(db => db.Forums.Select(f => f.Id).SingleAsync()), [first], RegistrationStatus.Cancelled, null,
                Actor.System, byOrganizer: false, CancellationToken.None);
        }

        Assert.Null(await StatusAsync(first, sessionId));
        Assert.Equal(EnrolmentStatus.Enrolled, await StatusAsync(third, sessionId));
        Assert.Equal(2, await app.WithDbAsync(db => db.Sessions.Where(s => s.Id == sessionId).Select(s => s.EnrolledCount).SingleAsync()));
        Assert.Equal(EnrolOutcome.NotOpen, await EnrolAsync(first, sessionId));
    }

    [Fact]
    public async Task Should_tell_those_enrolled_when_a_session_is_deleted_and_refuse_a_release_with_nothing_to_publish()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        await ReleaseForm.SubmitAsync(organizer, "Earlier changes");
        var sessionId = await SmallSessionAsync("Visit to the Hunan Museum");
        var (_, person, email) = await DelegateAsync();
        Assert.Equal(EnrolOutcome.Enrolled, await EnrolAsync(person, sessionId));

        var asked = await ConfirmSteps.AskedAsync(await HtmlForms.SubmitAsync(organizer, $"/admin/programme/session/{sessionId}", new Dictionary<string, string>(), "form[action*='handler=Delete']"));
        Assert.Equal("Delete the session “Visit to the Hunan Museum”?", ConfirmSteps.Question(asked));
        Assert.Contains("Delegates enrolled in it: 1. Each is mailed", ConfirmSteps.Consequences(asked), StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.Sessions.AnyAsync(s => s.Id == sessionId)));
        Assert.False(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.ToAddress == email && m.Purpose == "programme.change")));

        var deleted = await ConfirmSteps.ConfirmAsync(organizer, asked, $"/admin/programme/session/{sessionId}?handler=Delete");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        var notice = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.ToAddress == email && m.Purpose == "programme.change"));
        Assert.Contains("Visit to the Hunan Museum", (await app.ReadMailAsync(notice)).TextBody, StringComparison.Ordinal);

        // Added and deleted between two releases, the session leaves nothing to publish.
        var versions = await app.WithDbAsync(db => db.ProgrammeReleases.CountAsync());
        var release = await ReleaseForm.SubmitAsync(organizer, "Tidy-up");

        Assert.Equal(HttpStatusCode.OK, release.StatusCode);
        Assert.Contains("Nothing has changed since the last release.", (await HtmlForms.ParseAsync(release)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(versions, await app.WithDbAsync(db => db.ProgrammeReleases.CountAsync()));
    }

    [Fact]
    public async Task Should_publish_a_release_and_tell_the_delegates_enrolled_in_a_session_it_moves()
    {
        var (client, _, email) = await DelegateAsync("zh-Hans");
        var science = await TopicAsync("Science and Technology");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, science.Id, "Enrol")).StatusCode);
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var form = await HtmlForms.GetPageAsync(organizer, SessionForm.Url(science.Id));
        var moved = await SessionForm.SubmitAsync(organizer, form, science.Id, new Dictionary<string, string> { [SessionForm.Start] = "14:30" });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);

        var pending = await HtmlForms.GetPageAsync(organizer, ReleaseForm.Url);
        Assert.Contains("Science and Technology", pending.QuerySelector("[data-testid=pending-changes]")!.TextContent, StringComparison.Ordinal);
        var empty = await ReleaseForm.SubmitAsync(organizer, pending, " ");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var versions = await app.WithDbAsync(db => db.ProgrammeReleases.CountAsync());

        var published = await ReleaseForm.SubmitAsync(organizer, "Science forum starts at 14:30");

        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal(versions + 1, await app.WithDbAsync(db => db.ProgrammeReleases.CountAsync()));
        var row = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.ToAddress == email && m.Purpose == "programme.change"));
        var message = await app.ReadMailAsync(row);
        Assert.StartsWith("日程变更", message.Subject, StringComparison.Ordinal);
        Assert.Contains("2010-06-23 14:30", message.TextBody, StringComparison.Ordinal);
        var agenda = await HtmlForms.GetPageAsync(Clients.Anonymous(app), "/agenda");
        Assert.Contains("14:30", agenda.QuerySelector($"[data-session='{science.Id}']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_give_each_delegate_a_secret_calendar_feed_of_their_own_sessions()
    {
        var (client, _, _) = await DelegateAsync();
        var (other, _, _) = await DelegateAsync();
        var culture = await TopicAsync("Culture");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, culture.Id, "Enrol")).StatusCode);

        var feed = (await HtmlForms.GetPageAsync(client, "/me/agenda")).QuerySelector("[data-testid=feed-link]")!.GetAttribute("href")!;
        var calendar = Ical.Net.Calendar.Load(await Clients.Anonymous(app).GetStringAsync(feed["http://forum.test".Length..]))!;
        Assert.Equal(["Special-topic forum: Culture"], calendar.Events.Select(e => e.Summary));

        var othersFeed = (await HtmlForms.GetPageAsync(other, "/me/agenda")).QuerySelector("[data-testid=feed-link]")!.GetAttribute("href")!;
        Assert.NotEqual(feed, othersFeed);
        Assert.Empty(Ical.Net.Calendar.Load(await Clients.Anonymous(app).GetStringAsync(othersFeed["http://forum.test".Length..]))!.Events);
        var tampered = feed[..^6] + (feed[^6] == 'A' ? 'B' : 'A') + feed[^5..];
        Assert.Equal(HttpStatusCode.NotFound, (await Clients.Anonymous(app).GetAsync(tampered["http://forum.test".Length..])).StatusCode);
    }

    [Fact]
    public async Task Should_show_an_invitation_only_meeting_on_the_agenda_and_feed_of_those_taking_part_and_stop_the_feed_on_cancellation()
    {
        var (client, id, _) = await DelegateAsync();
        var bilateral = await app.WithDbAsync(async db =>
        {
            var session = await db.Sessions.FirstAsync(s => !s.IsPublic);
            db.SessionPeople.Add(new SessionPerson { SessionId = session.Id, DelegateId = id, Role = SessionRole.Participant, Position = 99 });
            await db.SaveChangesAsync();
            return session;
        });

        var agenda = await HtmlForms.GetPageAsync(client, "/me/agenda");
        var feed = agenda.QuerySelector("[data-testid=feed-link]")!.GetAttribute("href")!["http://forum.test".Length..];
        var calendar = Ical.Net.Calendar.Load(await Clients.Anonymous(app).GetStringAsync(feed))!;

        Assert.Contains(bilateral.TitleEn, agenda.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(bilateral.TitleEn, calendar.Events.Select(e => e.Summary));
        Assert.DoesNotContain(bilateral.TitleEn, Ical.Net.Calendar.Load(await Clients.Anonymous(app).GetStringAsync("/agenda/calendar.ics"))!.Events.Select(e => e.Summary));

        await app.WithDbAsync(db => db.Delegates.Where(d => d.Id == id).ExecuteUpdateAsync(u => u.SetProperty(d => d.Status, RegistrationStatus.Cancelled)));
        Assert.Equal(HttpStatusCode.NotFound, (await Clients.Anonymous(app).GetAsync(feed)).StatusCode);
    }
}
