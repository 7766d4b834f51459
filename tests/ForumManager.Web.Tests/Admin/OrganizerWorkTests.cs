using System.Globalization;
using System.Net;
using ForumManager.Core.Accounts;
using ForumManager.Core.Delegates;
using ForumManager.Core.Logistics;
using ForumManager.Core.Programme;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Web.Tests.Admin;

public sealed class OrganizerWorkAppFixture : ForumAppFactory;

/// <summary>
/// The organizers' everyday work: a release that says what changed in each session, vehicles for a whole day of
/// pickups, and rooms that could not be given with the reason beside each person. Each test works on its own days,
/// hotels and sessions, since the tests of the class share one database.
/// </summary>
public sealed class OrganizerWorkTests(OrganizerWorkAppFixture app) : IClassFixture<OrganizerWorkAppFixture>
{
    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<List<Delegate>> NewApprovedAsync(int count, string mark) => app.WithDbAsync(async db =>
    {
        var forumId = await db.Forums.Select(f => f.Id).SingleAsync();
        var people = Enumerable.Range(0, count).Select(i => new Delegate
        {
            ForumId = forumId, FamilyName = "Organizer" + mark, GivenName = "Guest" + i, NativeName = $"测试{i}", CountryCode = "DE",
            Email = $"work-{mark}-{i}@example.org", Category = DelegateCategory.Delegate, Status = RegistrationStatus.Approved, Gender = Gender.Female,
            CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
        }).ToList();
        db.Delegates.AddRange(people);
        await db.SaveChangesAsync();
        return people;
    });

    [Fact]
    public async Task Should_suggest_vehicles_for_every_wave_of_the_day_in_one_action()
    {
        var mark = Guid.NewGuid().ToString("N")[..6];
        var day = new DateOnly(2010, 6, 17);
        var people = await NewApprovedAsync(3, mark);
        var journeys = await app.WithDbAsync(async db =>
        {
            var forumId = await db.Forums.Select(f => f.Id).SingleAsync();
            var hub = new TransportHub { ForumId = forumId, Code = "W" + mark[..5].ToUpperInvariant(), NameEn = "Wave airport " + mark, NameZh = "批次机场" };
            // 01:00 and 01:10 UTC are 09:00 and 09:10 in Changsha, one wave; 06:00 UTC is 14:00, another.
            var times = new[] { (1, 0), (1, 10), (6, 0) };
            var rows = people.Select((p, i) => new Journey
            {
                ForumId = forumId, DelegateId = p.Id, Direction = JourneyDirection.Arrival, Mode = TravelMode.Flight, Number = $"LH{720 + i}", Hub = hub,
                ScheduledUtc = new DateTime(2010, 6, 17, times[i].Item1, times[i].Item2, 0, DateTimeKind.Utc),
            }).ToList();
            db.Journeys.AddRange(rows);
            await db.SaveChangesAsync();
            return rows.Select(j => j.Id).ToList();
        });
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var planned = await HtmlForms.SubmitAsync(organizer, $"/admin/transfers?day={Day(day)}", new Dictionary<string, string> { ["Window"] = "60" }, "[data-testid=plan-form]");
        Assert.Equal(HttpStatusCode.Redirect, planned.StatusCode);

        var suggested = await HtmlForms.SubmitAsync(organizer, $"/admin/transfers?day={Day(day)}", new Dictionary<string, string>(), "[data-testid=suggest-day-form]");

        Assert.Equal(HttpStatusCode.Redirect, suggested.StatusCode);
        var seats = await app.WithDbAsync(db => db.Journeys.AsNoTracking().Where(j => journeys.Contains(j.Id)).Select(j => new { j.PickupWaveId, j.TransferId }).ToListAsync());
        Assert.Equal(2, seats.Select(s => s.PickupWaveId).Distinct().Count());
        Assert.All(seats, s => Assert.NotNull(s.TransferId));
        var page = await HtmlForms.GetPageAsync(organizer, suggested.Headers.Location!.OriginalString);
        Assert.Contains("Every passenger of the day's 2 waves has a seat.", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_say_beside_each_person_still_waiting_why_no_room_was_given()
    {
        var mark = Guid.NewGuid().ToString("N")[..6];
        var people = await NewApprovedAsync(2, mark);
        var hotelName = "Full House " + mark;
        await app.WithDbAsync(async db =>
        {
            var forumId = await db.Forums.Select(f => f.Id).SingleAsync();
            // Nights no demo block holds: one is held by a full block of single rooms, the other by no block at all.
            var hotel = new Hotel { ForumId = forumId, NameEn = hotelName, NameZh = "满房酒店 " + mark };
            hotel.Blocks.Add(new RoomBlock
            {
                ForumId = forumId, Type = RoomType.Single, DescriptionEn = "Garden single", DescriptionZh = "花园单人间", Rooms = 1, Allocated = 1,
                FirstNight = new DateOnly(2010, 6, 10), LastNight = new DateOnly(2010, 6, 11),
            });
            db.Hotels.Add(hotel);
            db.AccommodationRequests.Add(new AccommodationRequest
            {
                ForumId = forumId, DelegateId = people[0].Id, Type = RoomType.Single, CheckIn = new DateOnly(2010, 6, 10), CheckOut = new DateOnly(2010, 6, 12),
            });
            db.AccommodationRequests.Add(new AccommodationRequest
            {
                ForumId = forumId, DelegateId = people[1].Id, Type = RoomType.Twin, Sharing = Sharing.SameGender, CheckIn = new DateOnly(2010, 6, 1), CheckOut = new DateOnly(2010, 6, 3),
            });
            return await db.SaveChangesAsync();
        });
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);

        var allocated = await HtmlForms.SubmitAsync(organizer, "/admin/hotels", new Dictionary<string, string>(), "form[action*=Allocate]");

        Assert.Equal(HttpStatusCode.Redirect, allocated.StatusCode);
        var page = await HtmlForms.GetPageAsync(organizer, "/admin/hotels");
        var status = page.QuerySelector("p.status")!;
        Assert.Equal("warning", status.GetAttribute("data-kind"));
        Assert.Contains("could not be placed: the list of those waiting says why", status.TextContent, StringComparison.Ordinal);
        Assert.Equal($"No single rooms left in block “{hotelName} · Garden single”.", page.QuerySelector($"[data-testid=why-{people[0].Id}]")!.TextContent.Trim());
        Assert.StartsWith("No room block holds the nights asked for (", page.QuerySelector($"[data-testid=why-{people[1].Id}]")!.TextContent.Trim(), StringComparison.Ordinal);

        organizer.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-Hans");
        var chinese = await HtmlForms.GetPageAsync(organizer, "/admin/hotels");
        Assert.Equal($"房间组“满房酒店 {mark} · 花园单人间”已无单人间。", chinese.QuerySelector($"[data-testid=why-{people[0].Id}]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Should_list_what_changed_in_each_session_since_the_last_release_old_beside_new()
    {
        var mark = Guid.NewGuid().ToString("N")[..6];
        var (sessionId, oldTitle, oldRoom, newRoom) = await app.WithDbAsync(async db =>
        {
            var forumId = await db.Forums.Select(f => f.Id).SingleAsync();
            var session = await db.Sessions.Include(s => s.Room).Include(s => s.People)
                .Where(s => s.ForumId == forumId && s.IsPublic && s.Type == SessionType.SpecialTopicForum).OrderBy(s => s.Id).FirstAsync();
            var other = await db.Rooms.Where(r => r.ForumId == forumId && r.Id != session.RoomId).OrderBy(r => r.Id).FirstAsync();
            var before = (session.Id, session.TitleEn, session.Room!.NameEn, other.NameEn);
            var guest = new Guest { ForumId = forumId, Kind = GuestKind.Speaker, NameEn = "Speaker " + mark, NameZh = "发言人" + mark };
            session.TitleEn += " (revised)";
            session.StartUtc = session.StartUtc.AddHours(1);
            session.EndUtc = session.EndUtc.AddHours(1);
            session.RoomId = other.Id;
            session.People.Add(new SessionPerson { Role = SessionRole.Speaker, Guest = guest, Position = 99 });
            db.Sessions.Add(new Session
            {
                ForumId = forumId, Type = SessionType.PressConference, TitleEn = "Press briefing " + mark, TitleZh = "新闻发布 " + mark, RoomId = other.Id,
                StartUtc = new DateTime(2010, 6, 24, 7, 0, 0, DateTimeKind.Utc), EndUtc = new DateTime(2010, 6, 24, 7, 30, 0, DateTimeKind.Utc),
            });
            await db.SaveChangesAsync();
            return before;
        });
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);

        var page = await HtmlForms.GetPageAsync(organizer, "/admin/programme/release");

        var changed = page.QuerySelector($"[data-testid=changed] li[data-session='{sessionId}']")!;
        string Field(string name) => changed.QuerySelector($"[data-field='{name}'] dd")!.TextContent;
        Assert.Matches($"^{System.Text.RegularExpressions.Regex.Escape(oldTitle)} → .*becomes.* {System.Text.RegularExpressions.Regex.Escape(oldTitle)} \\(revised\\)$",
            Field("Title").Replace("→becomes", "→ becomes ", StringComparison.Ordinal));
        Assert.Equal(oldRoom, changed.QuerySelector("[data-field='Room'] del")!.TextContent);
        Assert.Equal(newRoom, changed.QuerySelector("[data-field='Room'] ins")!.TextContent);
        var was = changed.QuerySelector("[data-field='Time'] del")!.TextContent;
        var now = changed.QuerySelector("[data-field='Time'] ins")!.TextContent;
        Assert.Matches(@"^2010-06-2\d \d\d:\d\d–\d\d:\d\d$", was);
        Assert.Equal(TimeOnly.Parse(was[11..16], CultureInfo.InvariantCulture).AddHours(1), TimeOnly.Parse(now[11..16], CultureInfo.InvariantCulture));
        Assert.Contains("Speaker " + mark, changed.QuerySelector("[data-field='Speakers'] ins")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Speaker " + mark, changed.QuerySelector("[data-field='Speakers'] del")!.TextContent, StringComparison.Ordinal);
        var added = page.QuerySelector("[data-testid=added]")!.TextContent;
        Assert.Contains($"Press briefing {mark} · 2010-06-24 15:00–15:30 · {newRoom}", added, StringComparison.Ordinal);
    }
}
