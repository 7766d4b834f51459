using System.Globalization;
using System.Net;
using ForumManager.Core.Accounts;
using ForumManager.Core.Programme;
using ForumManager.Core.Protocol;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Web.Tests.Admin.Protocol;

public sealed class ProtocolAttackAppFixture : ForumAppFactory;

/// <summary>Forms posted by hand to the protocol pages with what no page offers: refused with a message, never a 500, nothing half-written.</summary>
public sealed class ProtocolAttackTests(ProtocolAttackAppFixture app) : IClassFixture<ProtocolAttackAppFixture>
{
    private Task<int> DelegationAsync(int skip) => app.WithDbAsync(db => db.Delegations.OrderBy(d => d.Id)
        .Where(d => d.Members.Count(m => m.Status == Core.Delegates.RegistrationStatus.Approved) >= 2).Skip(skip).Select(d => d.Id).FirstAsync());

    private Task<int> BanquetAsync() => app.WithDbAsync(db => db.Sessions.Where(s => s.Type == SessionType.Banquet).Select(s => s.Id).SingleAsync());

    [Theory]
    [InlineData("9999-12-31T23:30:00.0000000Z")]
    [InlineData("2001-06-01T02:00:00.0000000Z")]
    public async Task Should_refuse_to_confirm_a_meeting_at_a_time_outside_the_forum_posted_by_hand(string start)
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var sample = await MeetingSamples.AddAsync(app.Services, await DelegationAsync(start.StartsWith('9') ? 0 : 1), confirm: false, name: "Commerce " + start[..4]);
        var url = $"/admin/meetings/{sample.MeetingId}";
        var page = await HtmlForms.GetPageAsync(organizer, url);
        var told = await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Purpose == "meeting-confirmed"));

        var confirm = await HtmlForms.SubmitAsync(organizer, page, url, new Dictionary<string, string> { ["start"] = start }, "[data-testid=slots] form");

        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        var meeting = await app.WithDbAsync(db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == sample.MeetingId));
        Assert.Equal(MeetingStatus.Accepted, meeting.Status);
        Assert.Null(meeting.StartUtc);
        Assert.Equal(told, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Purpose == "meeting-confirmed")));
        var shown = await HtmlForms.GetPageAsync(organizer, url);
        Assert.Contains("not within the forum's days", shown.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_answer_overflowing_negative_and_missing_seat_numbers_with_a_message_not_an_error()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var banquet = await BanquetAsync();
        var url = $"/admin/protocol/seating/{banquet}";
        var seated = await HtmlForms.SubmitAsync(organizer, url, new Dictionary<string, string>(), "[data-testid=seat-everyone-form]");
        Assert.Equal(HttpStatusCode.Redirect, seated.StatusCode);
        var before = await app.WithDbAsync(db => db.SeatAssignments.AsNoTracking().Where(a => a.SessionId == banquet)
            .Select(a => new { a.DelegateId, a.GuestId, a.Table, a.Seat, a.Behind }).ToListAsync());
        var person = before.First(a => a.DelegateId != null).DelegateId!.Value;

        foreach (var (table, seat) in new[] { ("2147483647", "2147483647"), ("-1", "-1"), ("99999999999", "1"), ("", ""), ("1", "-2147483648") })
        {
            var moved = await HtmlForms.SubmitAsync(organizer, url,
                new Dictionary<string, string> { ["Person"] = "d" + person.ToString(CultureInfo.InvariantCulture), ["Table"] = table, ["Seat"] = seat }, "[data-testid=move-form]");
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
            Assert.NotEmpty((await HtmlForms.ParseAsync(moved)).QuerySelector("[data-testid=move-seat-error]")!.TextContent.Trim());
        }

        var after = await app.WithDbAsync(db => db.SeatAssignments.AsNoTracking().Where(a => a.SessionId == banquet)
            .Select(a => new { a.DelegateId, a.GuestId, a.Table, a.Seat, a.Behind }).ToListAsync());
        Assert.Equal(before.OrderBy(a => a.Table).ThenBy(a => a.Seat), after.OrderBy(a => a.Table).ThenBy(a => a.Seat));
    }

    [Fact]
    public async Task Should_keep_one_person_per_seat_when_the_plan_is_made_twice_at_once()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var banquet = await BanquetAsync();
        var url = $"/admin/protocol/seating/{banquet}";
        var page = await HtmlForms.GetPageAsync(organizer, url);

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            HtmlForms.SubmitAsync(organizer, page, url, new Dictionary<string, string>(), "[data-testid=seat-everyone-form]")));

        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Redirect, HttpStatusCode.Conflict }));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Redirect);
        var seats = await app.WithDbAsync(db => db.SeatAssignments.AsNoTracking().Where(a => a.SessionId == banquet).ToListAsync());
        Assert.Equal(seats.Count, seats.Select(s => (s.Table, s.Seat, s.Behind)).Distinct().Count());
        Assert.Equal(seats.Count, seats.Select(s => (s.DelegateId, s.GuestId)).Distinct().Count());
    }

    [Fact]
    public async Task Should_print_every_seating_document_with_a_longest_name_in_many_scripts_inside_the_page()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var banquet = await BanquetAsync();
        var url = $"/admin/protocol/seating/{banquet}";
        Assert.Equal(HttpStatusCode.Redirect, (await HtmlForms.SubmitAsync(organizer, url, new Dictionary<string, string>(), "[data-testid=seat-everyone-form]")).StatusCode);
        var native = string.Concat(Enumerable.Repeat("محمد Алексей Ελένη שרה प्रिया สมชาย 김민준 山田太郎 ", 3))[..100].Trim();
        await app.WithDbAsync(async db =>
        {
            var seat = await db.SeatAssignments.Where(a => a.SessionId == banquet && a.DelegateId != null).OrderBy(a => a.Table).ThenBy(a => a.Seat).FirstAsync();
            var person = await db.Delegates.SingleAsync(d => d.Id == seat.DelegateId);
            person.FamilyName = "Wolfeschlegelsteinhausenbergerdorff" + new string('x', 65);
            person.GivenName = string.Concat(Enumerable.Repeat("Hubert Blaine ", 8))[..100].Trim();
            person.NativeName = native;
            person.NativeNameLanguage = "ar";
            await db.SaveChangesAsync();
            return 0;
        });

        foreach (var document in new[] { "seat-map", "place-cards", "table-cards", "seating-list" })
        {
            var response = await organizer.GetAsync($"{url}/{document}.pdf?names=true");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var file = await PdfReadBack.SaveAsync(await response.Content.ReadAsByteArrayAsync(), "attack-" + document + ".pdf");
            await PdfReadBack.AssertValidAsync(file);
            var words = await PdfReadBack.WordsAsync(file);
            Assert.All(words, w => Assert.True(w.XMin >= -0.5 && w.YMin >= -0.5 && w.XMax <= w.PageWidth + 0.5 && w.YMax <= w.PageHeight + 0.5,
                $"{document}: '{w.Text}' at {w.XMin},{w.YMin}-{w.XMax},{w.YMax} outside {w.PageWidth}x{w.PageHeight}"));
        }
    }

    [Fact]
    public async Task Should_refuse_to_move_a_layout_a_session_uses_to_another_room()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var banquet = await BanquetAsync();
        var (layoutId, roomId) = await app.WithDbAsync(db => db.SessionSeatings.Where(s => s.SessionId == banquet)
            .Select(s => new ValueTuple<int, int>(s.LayoutId, s.Layout!.RoomId)).SingleAsync());
        var otherRoom = await app.WithDbAsync(db => db.Rooms.Where(r => r.Id != roomId).Select(r => r.Id).FirstAsync());
        var url = $"/admin/protocol/layouts?edit={layoutId}";

        var moved = await HtmlForms.SubmitAsync(organizer, url, new Dictionary<string, string> { ["Layout.RoomId"] = otherRoom.ToString(CultureInfo.InvariantCulture) },
            "[data-testid=layout-form]");

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Contains("Welcome banquet", (await HtmlForms.ParseAsync(moved)).QuerySelector("[data-testid=layout-error-RoomId]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(roomId, await app.WithDbAsync(db => db.SeatLayouts.Where(l => l.Id == layoutId).Select(l => l.RoomId).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await organizer.GetAsync($"/admin/protocol/seating/{banquet}")).StatusCode);
    }

    [Theory]
    [InlineData("RoundTables", 83, 60)]
    [InlineData("Theatre", 400, 12)]
    public async Task Should_print_the_largest_layouts_allowed_with_every_word_inside_the_page(string shape, int tables, int seats)
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var banquet = await BanquetAsync();
        var url = $"/admin/protocol/seating/{banquet}";
        var layoutId = await app.WithDbAsync(async db =>
        {
            var session = await db.Sessions.SingleAsync(s => s.Id == banquet);
            var layout = new SeatLayout
            {
                ForumId = session.ForumId, RoomId = session.RoomId!.Value, NameEn = "Largest " + shape, NameZh = "最大 " + shape,
                Shape = Enum.Parse<LayoutShape>(shape), Tables = tables, SeatsPerTable = seats,
            };
            Assert.Null(SeatLayouts.Problem(layout));
            db.SeatLayouts.Add(layout);
            await db.SaveChangesAsync();
            return layout.Id;
        });
        var chosen = await HtmlForms.SubmitAsync(organizer, url, new Dictionary<string, string> { ["LayoutId"] = layoutId.ToString(CultureInfo.InvariantCulture) },
            "[data-testid=layout-form]");
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await HtmlForms.SubmitAsync(organizer, url, new Dictionary<string, string>(), "[data-testid=seat-everyone-form]")).StatusCode);

        foreach (var document in new[] { "seat-map", "place-cards", "table-cards", "seating-list" })
        {
            var response = await organizer.GetAsync($"{url}/{document}.pdf?names=true");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var file = await PdfReadBack.SaveAsync(await response.Content.ReadAsByteArrayAsync(), $"largest-{shape}-{document}.pdf");
            await PdfReadBack.AssertValidAsync(file);
            var words = await PdfReadBack.WordsAsync(file);
            Assert.NotEmpty(words);
            Assert.All(words, w => Assert.True(w.XMin >= -0.5 && w.YMin >= -0.5 && w.XMax <= w.PageWidth + 0.5 && w.YMax <= w.PageHeight + 0.5,
                $"{document}: '{w.Text}' at {w.XMin},{w.YMin}-{w.XMax},{w.YMax} outside {w.PageWidth}x{w.PageHeight}"));
        }
    }

    [Theory]
    [InlineData("Bodyguard")]
    [InlineData("99")]
    public async Task Should_refuse_a_seat_held_for_a_purpose_that_is_none_of_the_list_beside_the_field(string purpose)
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var banquet = await BanquetAsync();
        var url = $"/admin/protocol/seating/{banquet}";
        var before = await app.WithDbAsync(db => db.ReservedSeats.CountAsync(r => r.SessionId == banquet));

        var held = await HtmlForms.SubmitAsync(organizer, url, new Dictionary<string, string> { ["Table"] = "1", ["Seat"] = "5", ["Purpose"] = purpose },
            "[data-testid=reserve-form]");

        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        Assert.NotEmpty((await HtmlForms.ParseAsync(held)).QuerySelector("[data-testid=reserve-purpose-error]")!.TextContent.Trim());
        Assert.Equal(before, await app.WithDbAsync(db => db.ReservedSeats.CountAsync(r => r.SessionId == banquet)));
    }

    [Fact]
    public async Task Should_let_one_of_two_swaps_made_at_once_on_the_same_plan_through_and_keep_every_seat_to_one_person()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var banquet = await BanquetAsync();
        var url = $"/admin/protocol/seating/{banquet}";
        Assert.Equal(HttpStatusCode.Redirect, (await HtmlForms.SubmitAsync(organizer, url, new Dictionary<string, string>(), "[data-testid=seat-everyone-form]")).StatusCode);
        var seats = await app.WithDbAsync(db => db.SeatAssignments.AsNoTracking().Where(a => a.SessionId == banquet && a.DelegateId != null && !a.Behind)
            .OrderBy(a => a.Table).ThenBy(a => a.Seat).ToListAsync());
        var page = await HtmlForms.GetPageAsync(organizer, url);
        Task<HttpResponseMessage> Swap(Core.Protocol.SeatAssignment who, Core.Protocol.SeatAssignment onto) => HtmlForms.SubmitAsync(organizer, page, url,
            new Dictionary<string, string> { ["Person"] = "d" + who.DelegateId!.Value.ToString(CultureInfo.InvariantCulture), ["Table"] = onto.Table.ToString(CultureInfo.InvariantCulture),
                ["Seat"] = onto.Seat.ToString(CultureInfo.InvariantCulture) }, "[data-testid=move-form]");

        var answers = await Task.WhenAll(Swap(seats[0], seats[^1]), Swap(seats[^1], seats[1]), Swap(seats[2], seats[^2]));

        // One goes through; the others are refused with the page and a message (the plan changed, or the seat was taken meanwhile).
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Redirect);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Redirect), a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        var after = await app.WithDbAsync(db => db.SeatAssignments.AsNoTracking().Where(a => a.SessionId == banquet).ToListAsync());
        Assert.Equal(after.Count, after.Select(a => (a.Table, a.Seat, a.Behind)).Distinct().Count());
        Assert.DoesNotContain(after, a => a.Table < 0);
        Assert.Equal(seats.Select(s => s.DelegateId).Order(), after.Where(a => a.DelegateId != null && !a.Behind).Select(a => a.DelegateId).Order());
    }

    [Fact]
    public async Task Should_end_a_meeting_confirmed_and_cancelled_at_once_either_cancelled_with_its_parties_told_or_confirmed_and_not_told_of_a_cancel()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var sample = await MeetingSamples.AddAsync(app.Services, await DelegationAsync(2), confirm: false, name: "Commerce race");
        var url = $"/admin/meetings/{sample.MeetingId}";
        var page = await HtmlForms.GetPageAsync(organizer, url);
        var earlier = await app.WithDbAsync(db => db.OutboxMessages.Select(m => m.Id).ToListAsync());

        var answers = await Task.WhenAll(
            HtmlForms.SubmitAsync(organizer, page, url, new Dictionary<string, string>(), "[data-testid=slots] form"),
            HtmlForms.SubmitAsync(organizer, page, url, new Dictionary<string, string>(), "form[data-testid=cancel-form]"));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));
        var meeting = await app.WithDbAsync(db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == sample.MeetingId));
        var mails = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => !earlier.Contains(m.Id) && (m.Purpose == "meeting-confirmed" || m.Purpose == "meeting-cancelled"))
            .Select(m => m.Purpose).ToListAsync());
        Assert.Contains(meeting.Status, new[] { MeetingStatus.Cancelled, MeetingStatus.Confirmed });
        if (meeting.Status == MeetingStatus.Confirmed)
        {
            Assert.DoesNotContain("meeting-cancelled", mails);
        }
        else if (mails.Contains("meeting-confirmed"))
        {
            Assert.Contains("meeting-cancelled", mails);
        }
    }
}
