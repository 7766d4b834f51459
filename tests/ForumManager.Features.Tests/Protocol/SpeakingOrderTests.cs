using ForumManager.Core.Auditing;
using ForumManager.Core.Forums;
using ForumManager.Core.Programme;
using ForumManager.Core.Protocol;
using ForumManager.Data;
using ForumManager.Features.Protocol;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ForumManager.Features.Tests.Protocol;

/// <summary>The speakers of a forum in order: by precedence, by hand, with minutes and languages, against the session's length.</summary>
public sealed class SpeakingOrderTests : IAsyncLifetime
{
    private readonly FeatureHarness _harness = new();
    private static readonly Actor Organizer = new("o1", "organizer@example.org");

    public Task InitializeAsync() => _harness.InitializeAsync();

    public Task DisposeAsync() => _harness.DisposeAsync();

    /// <summary>
    /// The theme forum with, in this order: a delegate of rank 5, a guest speaker, the governor, a delegate of rank 2 and the
    /// party secretary. Returns the session and the speakers' SessionPerson ids by name.
    /// </summary>
    private async Task<(Forum Forum, Session Session, Dictionary<string, int> Ids)> ThemeForumAsync()
    {
        var forum = await _harness.ForumAsync();
        return await _harness.QueryAsync(async db =>
        {
            var session = await db.Sessions.Include(s => s.People).SingleAsync(s => s.ForumId == forum.Id && s.Type == SessionType.ThemeForum);
            var delegates = await db.Delegates.Where(d => d.ForumId == forum.Id).OrderBy(d => d.Id).Take(2).ToListAsync();
            delegates[0].PrecedenceRank = 5;
            delegates[1].PrecedenceRank = 2;
            var xu = await db.Guests.SingleAsync(g => g.NameEn == "Xu Shousheng");
            var zhou = await db.Guests.SingleAsync(g => g.NameEn == "Zhou Qiang");
            var keynote = new Guest { ForumId = forum.Id, Kind = GuestKind.Speaker, NameEn = "Maria Keynote", TitleEn = "Professor" };
            db.Guests.Add(keynote);
            var order = new (string Name, SessionPerson Person)[]
            {
                ("rank5", new SessionPerson { Role = SessionRole.Speaker, DelegateId = delegates[0].Id }),
                ("keynote", new SessionPerson { Role = SessionRole.Speaker, Guest = keynote }),
                ("xu", new SessionPerson { Role = SessionRole.Speaker, GuestId = xu.Id }),
                ("rank2", new SessionPerson { Role = SessionRole.Speaker, DelegateId = delegates[1].Id }),
                ("zhou", new SessionPerson { Role = SessionRole.Speaker, GuestId = zhou.Id }),
            };
            for (var i = 0; i < order.Length; i++)
            {
                order[i].Person.Position = i + 1;
                session.People.Add(order[i].Person);
            }

            session.People.Add(new SessionPerson { Role = SessionRole.Moderator, GuestId = zhou.Id, Position = 1 });
            await db.SaveChangesAsync();
            return (forum, session, order.ToDictionary(o => o.Name, o => o.Person.Id));
        });
    }

    private Task<SpeakingPlan?> PlanAsync(Forum forum, int sessionId) =>
        _harness.RunAsync(s => s.GetRequiredService<SpeakingOrder>().PlanAsync(forum, sessionId, CancellationToken.None));

    [Fact]
    public async Task Should_put_host_officials_first_then_delegates_by_rank_then_other_guests_and_audit_it()
    {
        var (forum, session, ids) = await ThemeForumAsync();

        Assert.True(await _harness.RunAsync(s => s.GetRequiredService<SpeakingOrder>().OrderByPrecedenceAsync(forum, session.Id, Organizer, CancellationToken.None)));

        var plan = await PlanAsync(forum, session.Id);
        Assert.Equal([ids["xu"], ids["zhou"], ids["rank2"], ids["rank5"], ids["keynote"]], plan!.Speakers.Select(s => s.Id));
        Assert.Equal([SpeakerKind.Official, SpeakerKind.Official, SpeakerKind.Delegate, SpeakerKind.Delegate, SpeakerKind.Guest], plan.Speakers.Select(s => s.Kind));
        var audit = await _harness.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "speakers-ordered-by-precedence"));
        Assert.Equal(session.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), audit.EntityId);
        Assert.StartsWith("Xu Shousheng; Zhou Qiang;", audit.After, StringComparison.Ordinal);
        Assert.Equal("organizer@example.org", audit.UserName);
    }

    [Fact]
    public async Task Should_move_a_speaker_one_place_and_refuse_to_move_the_first_up()
    {
        var (forum, session, ids) = await ThemeForumAsync();
        var order = (Func<IServiceProvider, SpeakingOrder>)(s => s.GetRequiredService<SpeakingOrder>());

        Assert.True(await _harness.RunAsync(s => order(s).MoveAsync(forum, session.Id, ids["xu"], up: true, Organizer, CancellationToken.None)));
        Assert.False(await _harness.RunAsync(s => order(s).MoveAsync(forum, session.Id, ids["rank5"], up: true, Organizer, CancellationToken.None)));
        Assert.True(await _harness.RunAsync(s => order(s).MoveAsync(forum, session.Id, ids["rank5"], up: false, Organizer, CancellationToken.None)));

        var plan = await PlanAsync(forum, session.Id);
        Assert.Equal([ids["xu"], ids["rank5"], ids["keynote"], ids["rank2"], ids["zhou"]], plan!.Speakers.Select(s => s.Id));
        Assert.Equal(2, await _harness.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action.StartsWith("speaker-moved"))));
    }

    [Fact]
    public async Task Should_plan_each_speakers_time_from_the_start_and_warn_when_the_speeches_overrun_the_session()
    {
        var (forum, session, ids) = await ThemeForumAsync();
        var inputs = new List<SpeakerInput>
        {
            new() { Id = ids["rank5"], Minutes = 60, Language = "fr" },
            new() { Id = ids["keynote"], Minutes = 45, Language = "en" },
            new() { Id = ids["xu"], Minutes = 40, Language = "zh" },
            new() { Id = ids["rank2"], Minutes = null, Language = "" },
            new() { Id = ids["zhou"], Minutes = 10, Language = "zh" },
        };

        var errors = new FieldErrors();
        Assert.True(await _harness.RunAsync(s => s.GetRequiredService<SpeakingOrder>().SaveAsync(forum, session.Id, inputs, Organizer, errors, CancellationToken.None)));

        var plan = (await PlanAsync(forum, session.Id))!;
        Assert.Equal(session.StartUtc.AddMinutes(60), plan.Speakers[1].StartUtc);
        Assert.Equal(session.StartUtc.AddMinutes(105), plan.Speakers[2].StartUtc);
        Assert.Equal(155, plan.TotalMinutes);
        Assert.Equal(135, plan.SessionMinutes);
        Assert.True(plan.Overruns);
        Assert.Equal(1, plan.WithoutMinutes);
        Assert.Equal("fr", plan.Speakers[0].Language);
        Assert.Null(plan.Speakers[3].Language);
        var listed = (await _harness.RunAsync(s => s.GetRequiredService<SpeakingOrder>().ForumsAsync(forum, CancellationToken.None))).Single(f => f.SessionId == session.Id);
        Assert.True(listed.Overruns);
        Assert.Equal(5, listed.Speakers);
        Assert.Equal(4, await _harness.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == "speaker-time")));
    }

    [Fact]
    public async Task Should_refuse_minutes_out_of_range_and_an_unknown_language_beside_each_field_and_save_nothing()
    {
        var (forum, session, ids) = await ThemeForumAsync();
        var inputs = new List<SpeakerInput>
        {
            new() { Id = ids["rank5"], Minutes = 0 },
            new() { Id = ids["keynote"], Minutes = 241 },
            new() { Id = ids["xu"], Minutes = 10, Language = "tlh" },
        };

        var errors = new FieldErrors();
        Assert.False(await _harness.RunAsync(s => s.GetRequiredService<SpeakingOrder>().SaveAsync(forum, session.Id, inputs, Organizer, errors, CancellationToken.None)));

        Assert.Equal(["Speakers[0].Minutes", "Speakers[1].Minutes", "Speakers[2].Language"], errors.All.Select(e => e.Field));
        Assert.Contains("240", errors.All[0].Message, StringComparison.Ordinal);
        Assert.Contains("Minutes", errors.All[0].Message, StringComparison.Ordinal);
        var plan = (await PlanAsync(forum, session.Id))!;
        Assert.All(plan.Speakers, s => Assert.Null(s.Minutes));
        Assert.Equal(0, await _harness.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == "speaker-time")));
    }

    [Fact]
    public async Task Should_load_a_seating_plan_with_the_people_in_their_seats_and_none_for_a_session_without_one()
    {
        var forum = await _harness.ForumAsync();
        var (banquet, delegateId) = await _harness.QueryAsync(async db =>
        {
            var session = await db.Sessions.SingleAsync(s => s.ForumId == forum.Id && s.Type == SessionType.Banquet);
            var layout = new SeatLayout { ForumId = forum.Id, RoomId = session.RoomId!.Value, NameEn = "Banquet", NameZh = "宴会", Shape = LayoutShape.RoundTables, Tables = 3, SeatsPerTable = 10 };
            db.SeatLayouts.Add(layout);
            await db.SaveChangesAsync();
            // The demo forum has already chosen its banquet hall's layout for the banquet: this plan uses a smaller one.
            (await db.SessionSeatings.SingleAsync(s => s.SessionId == session.Id)).LayoutId = layout.Id;
            var person = await db.Delegates.Where(d => d.ForumId == forum.Id).OrderBy(d => d.Id).FirstAsync();
            var zhou = await db.Guests.SingleAsync(g => g.NameEn == "Zhou Qiang");
            db.SeatAssignments.AddRange(
                new SeatAssignment { ForumId = forum.Id, SessionId = session.Id, Table = 1, Seat = 1, GuestId = zhou.Id },
                new SeatAssignment { ForumId = forum.Id, SessionId = session.Id, Table = 1, Seat = 2, DelegateId = person.Id });
            db.ReservedSeats.Add(new ReservedSeat { ForumId = forum.Id, SessionId = session.Id, Table = 2, Seat = 1, Purpose = SeatPurpose.Press });
            await db.SaveChangesAsync();
            return (session, person.Id);
        });

        var (found, plan, _) = await _harness.RunAsync(s => s.GetRequiredService<SeatingDocuments>().PlanAsync(forum, banquet.Id, CancellationToken.None));
        var none = await _harness.RunAsync(s => s.GetRequiredService<SeatingDocuments>().PrintAsync(forum, banquet.Id + 1000, SeatingDocumentKind.SeatMap, CancellationToken.None));
        var theme = await _harness.QueryAsync(db => db.Sessions.SingleAsync(s => s.ForumId == forum.Id && s.Type == SessionType.ThemeForum));
        var noPlan = await _harness.RunAsync(s => s.GetRequiredService<SeatingDocuments>().PrintAsync(forum, theme.Id, SeatingDocumentKind.PlaceCards, CancellationToken.None));

        Assert.True(found);
        Assert.Equal(30, plan!.Map.Capacity);
        Assert.Equal(2, plan.Seated.Count);
        var host = plan.Seated[0];
        Assert.Equal((1, 1, "Zhou Qiang", "周强"), (host.Table, host.Seat, host.Person.LatinName, host.Person.NativeName));
        Assert.Contains("湖南省委书记", host.Person.Title, StringComparison.Ordinal);
        var guest = plan.Seated[1];
        var expected = await _harness.QueryAsync(db => db.Delegates.SingleAsync(d => d.Id == delegateId));
        Assert.Equal((1, 2, expected.LatinName), (guest.Table, guest.Seat, guest.Person.LatinName));
        Assert.Equal(SeatPurpose.Press, Assert.Single(plan.Reserved).Purpose);
        Assert.Contains("Welcome banquet", plan.Heading.SessionEn, StringComparison.Ordinal);
        Assert.False(none.SessionFound);
        Assert.True(noPlan.SessionFound);
        Assert.Null(noPlan.Pdf);
    }
}
