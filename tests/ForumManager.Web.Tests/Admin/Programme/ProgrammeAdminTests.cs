using System.Net;
using ForumManager.Core.Accounts;
using ForumManager.Core.Forums;
using ForumManager.Core.Programme;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Web.Tests.Admin.Programme;

public sealed class ProgrammeAppFixture : ForumAppFactory;

/// <summary>Organizers build the draft programme; a room or a person booked twice is refused with the clash named.</summary>
public sealed class ProgrammeAdminTests(ProgrammeAppFixture app) : IClassFixture<ProgrammeAppFixture>
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private Task<Session> OpeningAsync() => app.WithDbAsync(db => db.Sessions.AsNoTracking().SingleAsync(s => s.Type == SessionType.OpeningCeremony));

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    [Fact]
    public async Task Should_refuse_a_session_in_an_occupied_room_naming_the_clash_and_accept_it_moved()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var opening = await OpeningAsync();
        var local = ForumTime.ToLocal(opening.StartUtc, Shanghai);
        var title = $"Press briefing {Guid.NewGuid():N}"[..24];

        var clash = await SessionForm.SubmitAsync(organizer, SessionForm.Valid(title, opening.RoomId, local.ToString("yyyy-MM-dd"), local.AddMinutes(15).ToString("HH:mm")));

        Assert.Equal(HttpStatusCode.OK, clash.StatusCode);
        var page = await HtmlForms.ParseAsync(clash);
        var error = SessionForm.Conflict(page, "Error")!;
        Assert.Contains("Opening ceremony", error, StringComparison.Ordinal);
        Assert.Contains("already booked", error, StringComparison.Ordinal);
        // The clash is said once, in the list of problems, not again in a summary above the form.
        Assert.Equal(1, CountOf(page.Body!.TextContent, error.Trim()));
        Assert.False(await app.WithDbAsync(db => db.Sessions.AnyAsync(s => s.TitleEn == title)));

        var moved = await SessionForm.SubmitAsync(organizer, SessionForm.Valid(title, opening.RoomId, local.ToString("yyyy-MM-dd"), local.AddHours(-2).ToString("HH:mm")));

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var saved = await app.WithDbAsync(db => db.Sessions.AsNoTracking().SingleAsync(s => s.TitleEn == title));
        Assert.Equal((opening.RoomId, opening.StartUtc.AddHours(-2), opening.StartUtc.AddHours(-1)), (saved.RoomId, saved.StartUtc, saved.EndUtc));

        // Moving it again is a change attendees must see: its sequence rises.
        var again = await SessionForm.SubmitAsync(organizer, saved.Id, SessionForm.Valid(title, opening.RoomId, local.ToString("yyyy-MM-dd"), local.AddHours(-3).ToString("HH:mm")));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(saved.Sequence + 1, (await app.WithDbAsync(db => db.Sessions.AsNoTracking().SingleAsync(s => s.Id == saved.Id))).Sequence);
    }

    [Fact]
    public async Task Should_refuse_an_interpreter_in_two_places_at_once()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var (interpreter, rooms) = await app.WithDbAsync(async db =>
        {
            var forumId = await db.Forums.Select(f => f.Id).SingleAsync();
            var guest = new Guest { ForumId = forumId, Kind = GuestKind.Interpreter, NameEn = $"Li Na {Guid.NewGuid():N}"[..16], NameZh = "李娜" };
            db.Guests.Add(guest);
            await db.SaveChangesAsync();
            return (guest, await db.Rooms.OrderBy(r => r.Id).Select(r => r.Id).Take(2).ToListAsync());
        });
        var first = SessionForm.Valid("Interpreted talk A", null, "2010-06-21", "10:00", change: v => v[SessionForm.Interpreters] = $"g:{interpreter.Id}");
        Assert.Equal(HttpStatusCode.Redirect, (await SessionForm.SubmitAsync(organizer, first)).StatusCode);

        var second = SessionForm.Valid("Interpreted talk B", null, "2010-06-21", "10:30", change: v => v[SessionForm.Interpreters] = $"g:{interpreter.Id}");
        var refused = await SessionForm.SubmitAsync(organizer, second);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var error = SessionForm.Conflict(await HtmlForms.ParseAsync(refused), "Error")!;
        Assert.Contains(interpreter.NameEn, error, StringComparison.Ordinal);
        Assert.Contains("Interpreted talk A", error, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Sessions.AnyAsync(s => s.TitleEn == "Interpreted talk B")));
    }

    [Fact]
    public async Task Should_save_a_session_with_a_warning_and_show_it_on_the_session_and_the_programme()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var small = await app.WithDbAsync(db => db.Rooms.AsNoTracking().OrderBy(r => r.Capacity).FirstAsync());
        var form = SessionForm.Valid("Crowded workshop", small.Id, "2010-06-24", "08:00",
            change: v => v[SessionForm.ExpectedAttendance] = (small.Capacity + 50).ToString(System.Globalization.CultureInfo.InvariantCulture));

        var saved = await SessionForm.SubmitAsync(organizer, form);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await HtmlForms.GetPageAsync(organizer, saved.Headers.Location!.OriginalString);
        Assert.Contains("fewer seats", SessionForm.Conflict(page, "Warning"), StringComparison.Ordinal);
        var programme = await HtmlForms.GetPageAsync(organizer, "/admin/programme");
        var id = await app.WithDbAsync(db => db.Sessions.Where(s => s.TitleEn == "Crowded workshop").Select(s => s.Id).SingleAsync());
        Assert.Contains("fewer seats", programme.QuerySelector($"tr[data-session='{id}']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_show_bad_input_next_to_the_field_and_store_nothing()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var before = await app.WithDbAsync(db => db.Sessions.CountAsync());

        foreach (var (field, value) in new[] { (SessionForm.TitleEn, "<script>alert(1)</script>"), (SessionForm.TitleZh, ""), (SessionForm.Minutes, "0"),
            (SessionForm.Minutes, "abc"), (SessionForm.Day, "2030-01-01"), (SessionForm.Day, "not a day"), (SessionForm.Start, "25:99"), (SessionForm.RoomId, "999999"),
            (SessionForm.Type, "Party"), (SessionForm.Languages, "English!"), (SessionForm.Speakers, "d:999999"), (SessionForm.Interpreters, "x"),
            (SessionForm.Interpretation, "Simultaneous") })
        {
            var response = await SessionForm.SubmitAsync(organizer, SessionForm.Valid("Broken", null, "2010-06-22", "15:00", change: v => v[field] = value));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{field}={value}: {(int)response.StatusCode}");
            var page = await HtmlForms.ParseAsync(response);
            Assert.True(page.HasFieldError(), $"{field}={value}: no message");
        }

        Assert.Equal(before, await app.WithDbAsync(db => db.Sessions.CountAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await organizer.GetAsync(SessionForm.Url(987654))).StatusCode);
    }

    [Fact]
    public async Task Should_seed_a_demo_programme_with_interpreters_and_hosts_and_no_clash()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);

        var programme = await HtmlForms.GetPageAsync(organizer, "/admin/programme");

        Assert.StartsWith("0 conflicts to resolve", programme.QuerySelector("[data-testid=conflict-counts]")!.TextContent.Trim(), StringComparison.Ordinal);
        var theme = await app.WithDbAsync(db => db.Sessions.AsNoTracking().Include(s => s.People).ThenInclude(p => p.Guest)
            .SingleAsync(s => s.Type == SessionType.ThemeForum));
        Assert.Equal((InterpretationMode.Simultaneous, "zh-en"), (theme.Interpretation, theme.InterpretationLanguages));
        Assert.Equal(["Chen Jing", "Liu Yang"], theme.People.Where(p => p.Role == SessionRole.Interpreter).OrderBy(p => p.Position).Select(p => p.Guest!.NameEn));
        var form = await HtmlForms.GetPageAsync(organizer, SessionForm.Url(theme.Id));
        Assert.Equal(2, form.QuerySelectorAll($"select[name='{SessionForm.Interpreters}'] option[selected]").Length);
    }

    [Fact]
    public async Task Should_set_travel_times_and_guests_and_list_every_conflict_on_one_page()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var venues = await app.WithDbAsync(db => db.Venues.OrderBy(v => v.Id).Select(v => v.Id).ToListAsync());
        var key = ProgrammeSetupForms.TravelMinutes(venues[0], venues[2]);

        var bad = await ProgrammeSetupForms.SubmitTravelAsync(organizer, new Dictionary<string, string> { [key] = "soon" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.NotEmpty((await HtmlForms.ParseAsync(bad)).QuerySelectorAll($"{ProgrammeSetupForms.TravelForm} .field-error"));
        Assert.Equal(40, await app.WithDbAsync(db => db.VenueTravelTimes.Where(t => t.FromVenueId == venues[0] && t.ToVenueId == venues[2]).Select(t => t.Minutes).SingleAsync()));

        var saved = await ProgrammeSetupForms.SubmitTravelAsync(organizer, new Dictionary<string, string> { [key] = "55" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(55, await app.WithDbAsync(db => db.VenueTravelTimes.Where(t => t.FromVenueId == venues[0] && t.ToVenueId == venues[2]).Select(t => t.Minutes).SingleAsync()));

        var script = await ProgrammeSetupForms.SubmitGuestAsync(organizer, new Dictionary<string, string>
        {
            [ProgrammeSetupForms.GuestKind] = nameof(GuestKind.Speaker), [ProgrammeSetupForms.GuestNameEn] = "<script>alert(1)</script>",
        });
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.NotEmpty((await HtmlForms.ParseAsync(script)).FieldError(ProgrammeSetupForms.GuestNameEn)!);
        var added = await ProgrammeSetupForms.SubmitGuestAsync(organizer, new Dictionary<string, string>
        {
            [ProgrammeSetupForms.GuestKind] = nameof(GuestKind.Speaker), [ProgrammeSetupForms.GuestNameEn] = "Jean Dupont",
            [ProgrammeSetupForms.GuestNameZh] = "让·杜邦", [ProgrammeSetupForms.GuestTitleEn] = "Mayor of Lyon",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var guest = await app.WithDbAsync(db => db.Guests.SingleAsync(g => g.NameEn == "Jean Dupont"));

        // The new guest speaks in the theme forum and plants a tree in the park: the warning shows on the conflicts page.
        var theme = await app.WithDbAsync(db => db.Sessions.Where(s => s.Type == SessionType.ThemeForum).Select(s => s.Id).SingleAsync());
        var planting = await app.WithDbAsync(db => db.Sessions.Where(s => s.Type == SessionType.TreePlanting).Select(s => s.Id).SingleAsync());
        await app.WithDbAsync(async db =>
        {
            db.SessionPeople.Add(new SessionPerson { SessionId = theme, GuestId = guest.Id, Role = SessionRole.Speaker });
            db.SessionPeople.Add(new SessionPerson { SessionId = planting, GuestId = guest.Id, Role = SessionRole.Participant });
            return await db.SaveChangesAsync();
        });
        await app.WithDbAsync(db => db.Sessions.Where(s => s.Id == planting).ExecuteUpdateAsync(s => s.SetProperty(x => x.StartUtc, x => x.StartUtc.AddHours(-5.75)).SetProperty(x => x.EndUtc, x => x.EndUtc.AddHours(-5.75))));

        var conflicts = await HtmlForms.GetPageAsync(organizer, "/admin/programme/conflicts");
        var rows = conflicts.QuerySelectorAll("[data-testid=conflicts] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("Jean Dupont has too little time to get here from", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_set_room_seats_and_hours_and_warn_about_a_session_outside_them()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var economy = await app.WithDbAsync(db => db.Sessions.AsNoTracking().SingleAsync(s => s.Type == SessionType.SpecialTopicForum && s.Track!.NameEn == "Economy and Trade"));
        var room = economy.RoomId!.Value;
        var before = await app.WithDbAsync(db => db.Rooms.AsNoTracking().SingleAsync(r => r.Id == room));

        var bad = await ProgrammeSetupForms.SubmitRoomsAsync(organizer,
            new Dictionary<string, string> { [ProgrammeSetupForms.RoomOpens(room)] = "25:00", [ProgrammeSetupForms.RoomCapacity(room)] = "many" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Equal(2, (await HtmlForms.ParseAsync(bad)).QuerySelectorAll($"{ProgrammeSetupForms.RoomsForm} .field-error").Length);
        Assert.Equal(before.Capacity, await app.WithDbAsync(db => db.Rooms.Where(r => r.Id == room).Select(r => r.Capacity).SingleAsync()));

        var saved = await ProgrammeSetupForms.SubmitRoomsAsync(organizer, new Dictionary<string, string>
        {
            [ProgrammeSetupForms.RoomCapacity(room)] = "150", [ProgrammeSetupForms.RoomOpens(room)] = "15:00", [ProgrammeSetupForms.RoomCloses(room)] = "22:00",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await app.WithDbAsync(db => db.Rooms.AsNoTracking().SingleAsync(r => r.Id == room));
        Assert.Equal((150, new TimeOnly(15, 0), new TimeOnly(22, 0)), (after.Capacity, after.OpensAt!.Value, after.ClosesAt!.Value));

        var conflicts = await HtmlForms.GetPageAsync(organizer, "/admin/programme/conflicts");
        Assert.Contains(conflicts.QuerySelectorAll("[data-testid=conflicts] tbody tr").Select(r => r.TextContent),
            r => r.Contains("Economy and Trade", StringComparison.Ordinal) && r.Contains("is not open for the whole session", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_show_a_day_as_a_grid_and_move_a_session_with_its_form_refusing_an_occupied_slot()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var closing = await app.WithDbAsync(db => db.Sessions.AsNoTracking().SingleAsync(s => s.Type == SessionType.ClosingCeremony));
        var visit = await app.WithDbAsync(db => db.Sessions.AsNoTracking().SingleAsync(s => s.Type == SessionType.Visit));
        const string url = "/admin/programme/grid?day=2010-06-24";

        var grid = await HtmlForms.GetPageAsync(organizer, url);
        var cell = grid.QuerySelector($"td.session[data-session='{closing.Id}']")!;
        Assert.Equal("17:30", cell.GetAttribute("data-start"));
        Assert.Equal("3", cell.GetAttribute("rowspan"));
        Assert.NotNull(grid.QuerySelector("td.slot a[href*='room=']"));

        // Onto the visit, in the same room at 15:00: refused, named, nothing moved.
        var refused = await HtmlForms.SubmitAsync(organizer, grid, url, new Dictionary<string, string>
        {
            ["roomId"] = visit.RoomId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), ["start"] = "15:00",
        }, $"[data-testid=move-{closing.Id}]");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var after = await HtmlForms.GetPageAsync(organizer, refused.Headers.Location!.OriginalString);
        Assert.Contains("was not moved", after.QuerySelector("p.status.error[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Visit to Changsha", after.QuerySelector("p.status.error[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(closing.StartUtc, (await app.WithDbAsync(db => db.Sessions.AsNoTracking().SingleAsync(s => s.Id == closing.Id))).StartUtc);

        var moved = await HtmlForms.SubmitAsync(organizer, url, new Dictionary<string, string> { ["start"] = "18:00" }, $"[data-testid=move-{closing.Id}]");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var saved = await app.WithDbAsync(db => db.Sessions.AsNoTracking().SingleAsync(s => s.Id == closing.Id));
        Assert.Equal((closing.StartUtc.AddMinutes(30), closing.EndUtc.AddMinutes(30), closing.Sequence + 1), (saved.StartUtc, saved.EndUtc, saved.Sequence));

        var prefilled = await HtmlForms.GetPageAsync(organizer, $"{SessionForm.NewUrl}?room={visit.RoomId}&day=2010-06-24&start=10:15");
        Assert.Equal("10:15", prefilled.QuerySelector($"input[name='{SessionForm.Start}']")!.GetAttribute("value"));
        Assert.Equal(visit.RoomId.ToString(), prefilled.QuerySelector($"select[name='{SessionForm.RoomId}'] option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Should_name_rooms_and_sessions_in_Chinese_on_the_organizers_programme_pages_in_Chinese()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        organizer.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var room = await app.WithDbAsync(db => db.Sessions.Where(s => s.Type == Core.Programme.SessionType.OpeningCeremony).Select(s => s.Room!).SingleAsync());

        var grid = await HtmlForms.GetPageAsync(organizer, "/admin/programme/grid?day=2010-06-23");
        var list = await HtmlForms.GetPageAsync(organizer, "/admin/programme");

        Assert.Contains(room.NameZh, grid.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(room.NameEn, grid.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("开幕式", list.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
