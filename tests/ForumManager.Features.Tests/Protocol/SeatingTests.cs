using ForumManager.Core.Auditing;
using ForumManager.Core.Delegates;
using ForumManager.Core.Notices;
using ForumManager.Core.Programme;
using ForumManager.Core.Protocol;
using ForumManager.Data;
using ForumManager.Features.Notices;
using ForumManager.Features.Protocol;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Features.Tests.Protocol;

/// <summary>The welcome banquet of the demo forum seated, changed by hand and checked, through the database.</summary>
public sealed class SeatingTests : IAsyncLifetime
{
    private static readonly Actor Organizer = new(null, "protocol@example.org");
    private readonly FeatureHarness _harness = new();

    public Task InitializeAsync() => _harness.InitializeAsync();

    public Task DisposeAsync() => _harness.DisposeAsync();

    private Task<Session> BanquetAsync() => _harness.QueryAsync(db => db.Sessions.AsNoTracking().SingleAsync(s => s.Type == SessionType.Banquet));

    private Task<int> VersionAsync(int sessionId) => _harness.QueryAsync(db => db.SessionSeatings.Where(s => s.SessionId == sessionId).Select(s => s.Version).SingleAsync());

    private Task<T> PlansAsync<T>(Func<SeatingPlans, Task<T>> work) => _harness.RunAsync(s => work(s.GetRequiredService<SeatingPlans>()));

    /// <summary>The governor as an official of the banquet (its host), and a staff member who does not sit at a banquet.</summary>
    private async Task<(int Governor, int Staff)> PrepareAsync(Session banquet) => await _harness.QueryAsync(async db =>
    {
        var governor = await db.Guests.SingleAsync(g => g.NameEn == "Xu Shousheng");
        db.SessionPeople.Add(new SessionPerson { SessionId = banquet.Id, GuestId = governor.Id, Role = SessionRole.Participant, Position = 1 });
        var staff = await db.Delegates.FirstAsync(d => d.Status == RegistrationStatus.Approved);
        staff.Category = DelegateCategory.Staff;
        await db.SaveChangesAsync();
        return (governor.Id, staff.Id);
    });

    [Fact]
    public async Task Should_seat_the_banquet_by_precedence_with_the_host_first_and_the_principal_guest_at_the_right_in_one_audited_change()
    {
        var banquet = await BanquetAsync();
        var (governor, staff) = await PrepareAsync(banquet);
        var errors = new FieldErrors();
        Assert.True(await PlansAsync(p => p.ChooseHostAsync(banquet.ForumId, banquet.Id, $"g{governor}", 0, Organizer, errors, CancellationToken.None)));

        var plan = await PlansAsync(p => p.SeatEveryoneAsync(banquet.ForumId, banquet.Id, 1, Organizer, errors, CancellationToken.None));

        Assert.NotNull(plan);
        Assert.True(errors.IsEmpty);
        var (stored, attending, principal, delegationOf) = await _harness.QueryAsync(async db => (
            await db.SeatAssignments.AsNoTracking().Where(a => a.SessionId == banquet.Id).ToListAsync(),
            await db.Delegates.CountAsync(d => d.Status == RegistrationStatus.Approved && d.Category != DelegateCategory.Staff),
            await db.Delegates.Where(d => d.Status == RegistrationStatus.Approved && d.Category != DelegateCategory.Staff)
                .OrderBy(d => d.PrecedenceRank).ThenBy(d => d.Id).Select(d => d.Id).FirstAsync(),
            await db.Delegates.ToDictionaryAsync(d => d.Id, d => d.DelegationId)));
        Assert.Equal(attending + 1, stored.Count);
        Assert.Equal(stored.Count, stored.Select(a => (a.DelegateId, a.GuestId)).Distinct().Count());
        Assert.DoesNotContain(stored, a => a.DelegateId == staff);
        Assert.Equal((1, 1), stored.Where(a => a.GuestId == governor).Select(a => (a.Table, a.Seat)).Single());
        Assert.Equal((1, 2), stored.Where(a => a.DelegateId == principal).Select(a => (a.Table, a.Seat)).Single());
        Assert.All(stored.Where(a => a.DelegateId is not null).GroupBy(a => delegationOf[a.DelegateId!.Value]).Where(g => g.Key is not null),
            g => Assert.True(g.Select(a => a.Table).Distinct().Count() <= 2, $"delegation {g.Key} at tables {string.Join(",", g.Select(a => a.Table).Distinct())}"));

        var view = await PlansAsync(p => p.ViewAsync(banquet.ForumId, banquet.Id, CancellationToken.None));
        Assert.DoesNotContain(view!.Conflicts, c => c.Severity == SeatingSeverity.Error);
        Assert.Equal(2, await VersionAsync(banquet.Id));
        Assert.True(await _harness.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "seating-by-precedence" && e.UserName == Organizer.Name)));
    }

    [Fact]
    public async Task Should_seat_220_guests_at_22_tables_of_10_once_each_with_every_delegation_at_one_table_through_the_database()
    {
        var banquet = await BanquetAsync();
        var (governor, _) = await PrepareAsync(banquet);

        // The demo's guests stay away; 219 others come in 30 delegations whose sizes fill the tables exactly, head first.
        int[] sizes = [6, 10, 7, 10, 8, 10, 9, 5, 3, 3, 2, 1, 5, 4, 6, 2, 2, 6, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10];
        await _harness.QueryAsync(async db =>
        {
            await db.Delegates.ExecuteUpdateAsync(u => u.SetProperty(d => d.Status, RegistrationStatus.Cancelled));
            var forum = await db.Forums.SingleAsync();
            for (var unit = 0; unit < sizes.Length; unit++)
            {
                var delegation = new Delegation { ForumId = forum.Id, NameEn = $"Delegation {unit}", NameZh = $"代表团{unit}", CountryCode = "FR" };
                for (var member = 0; member < sizes[unit]; member++)
                {
                    delegation.Members.Add(new Delegate
                    {
                        ForumId = forum.Id, FamilyName = $"Guest{unit}", GivenName = $"Member{member}", NativeName = $"宾客{unit}之{member}", CountryCode = "FR",
                        Email = $"guest-{unit}-{member}@example.org", Category = member == 0 ? DelegateCategory.HeadOfDelegation : DelegateCategory.Delegate,
                        Status = RegistrationStatus.Approved, PrecedenceRank = member == 0 ? 1000 + unit : 4000 + unit * 20 + member,
                        CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
                    });
                }

                db.Delegations.Add(delegation);
            }

            await db.SaveChangesAsync();
            return 0;
        });
        var errors = new FieldErrors();
        await PlansAsync(p => p.ChooseHostAsync(banquet.ForumId, banquet.Id, $"g{governor}", 0, Organizer, errors, CancellationToken.None));

        var plan = await PlansAsync(p => p.SeatEveryoneAsync(banquet.ForumId, banquet.Id, 1, Organizer, errors, CancellationToken.None));

        Assert.True(errors.IsEmpty);
        Assert.Empty(plan!.Unseated);
        var stored = await _harness.QueryAsync(db => db.SeatAssignments.AsNoTracking().Where(a => a.SessionId == banquet.Id)
            .Select(a => new { a.Table, a.Seat, a.DelegateId, a.GuestId, Rank = db.Delegates.Where(d => d.Id == a.DelegateId).Select(d => (int?)d.PrecedenceRank).FirstOrDefault(),
                Delegation = db.Delegates.Where(d => d.Id == a.DelegateId).Select(d => d.DelegationId).FirstOrDefault() })
            .ToListAsync());
        Assert.Equal(220, stored.Count);
        Assert.Equal(220, stored.Select(a => (a.Table, a.Seat)).Distinct().Count());
        Assert.Equal(220, stored.Select(a => (a.DelegateId, a.GuestId)).Distinct().Count());
        Assert.Equal((1, 1), stored.Where(a => a.GuestId == governor).Select(a => (a.Table, a.Seat)).Single());
        Assert.Equal(1000, stored.Single(a => a.Table == 1 && a.Seat == 2).Rank);
        Assert.All(stored.Where(a => a.DelegateId is not null).GroupBy(a => a.Delegation), g => Assert.Single(g.Select(a => a.Table).Distinct()));
        var ranksByHonour = stored.Where(a => a.Table == 1 && a.DelegateId is not null).OrderBy(a => SeatLayouts.RingHonour(a.Seat, 10)).Select(a => a.Rank!.Value).ToList();
        Assert.Equal(ranksByHonour.Order(), ranksByHonour);
    }

    [Fact]
    public async Task Should_swap_two_guests_move_one_to_an_empty_seat_and_refuse_a_page_showing_an_older_plan()
    {
        var banquet = await BanquetAsync();
        var errors = new FieldErrors();
        await PlansAsync(p => p.SeatEveryoneAsync(banquet.ForumId, banquet.Id, 0, Organizer, errors, CancellationToken.None));
        var seats = await _harness.QueryAsync(db => db.SeatAssignments.AsNoTracking().Where(a => a.SessionId == banquet.Id).OrderBy(a => a.Table).ThenBy(a => a.Seat).ToListAsync());
        var (a, b) = (seats[0], seats[^1]);

        Assert.True(await PlansAsync(p => p.SwapAsync(banquet.ForumId, banquet.Id, $"d{a.DelegateId}", $"d{b.DelegateId}", 1, Organizer, errors, CancellationToken.None)));
        var after = await _harness.QueryAsync(db => db.SeatAssignments.AsNoTracking().Where(x => x.SessionId == banquet.Id).ToDictionaryAsync(x => x.DelegateId!.Value));
        Assert.Equal((b.Table, b.Seat), (after[a.DelegateId!.Value].Table, after[a.DelegateId!.Value].Seat));
        Assert.Equal((a.Table, a.Seat), (after[b.DelegateId!.Value].Table, after[b.DelegateId!.Value].Seat));

        // A page that showed version 1 acts after the swap made it 2: refused, nothing changed.
        var stale = new FieldErrors();
        Assert.False(await PlansAsync(p => p.MoveAsync(banquet.ForumId, banquet.Id, $"d{a.DelegateId}", 22, 10, false, 1, Organizer, stale, CancellationToken.None)));
        Assert.Equal("Version", Assert.Single(stale.All).Field);

        var taken = new FieldErrors();
        Assert.False(await PlansAsync(p => p.MoveAsync(banquet.ForumId, banquet.Id, $"d{a.DelegateId}", a.Table, a.Seat, false, 2, Organizer, taken, CancellationToken.None)));
        Assert.Equal("Seat", Assert.Single(taken.All).Field);

        Assert.True(await PlansAsync(p => p.MoveAsync(banquet.ForumId, banquet.Id, $"d{a.DelegateId}", 22, 10, false, 2, Organizer, errors, CancellationToken.None)));
        Assert.Equal((22, 10), await _harness.QueryAsync(db => db.SeatAssignments.Where(x => x.DelegateId == a.DelegateId).Select(x => new ValueTuple<int, int>(x.Table, x.Seat)).SingleAsync()));
        Assert.True(errors.IsEmpty);
    }

    [Fact]
    public async Task Should_list_a_seat_lost_by_a_smaller_layout_and_a_guest_seated_in_two_sessions_at_once_and_refuse_to_delete_a_layout_in_use()
    {
        var banquet = await BanquetAsync();
        var errors = new FieldErrors();
        await PlansAsync(p => p.SeatEveryoneAsync(banquet.ForumId, banquet.Id, 0, Organizer, errors, CancellationToken.None));
        var editor = (Func<SeatLayoutEditor, Task<int?>> work) => _harness.RunAsync(s => work(s.GetRequiredService<SeatLayoutEditor>()));

        var bad = new FieldErrors();
        Assert.Null(await editor(e => e.SaveAsync(banquet.ForumId, null, new SeatLayoutInput
        {
            RoomId = banquet.RoomId!.Value, NameEn = "Too big", NameZh = "太大", Shape = LayoutShape.RoundTables, Tables = 22, SeatsPerTable = 61,
        }, Organizer, bad, CancellationToken.None)));
        Assert.Equal(nameof(SeatLayoutInput.SeatsPerTable), Assert.Single(bad.All).Field);

        var small = await editor(e => e.SaveAsync(banquet.ForumId, null, new SeatLayoutInput
        {
            RoomId = banquet.RoomId!.Value, NameEn = "Small banquet", NameZh = "小型宴会", Shape = LayoutShape.RoundTables, Tables = 1, SeatsPerTable = 8,
        }, Organizer, errors, CancellationToken.None));
        Assert.True(await PlansAsync(p => p.ChooseLayoutAsync(banquet.ForumId, banquet.Id, small!.Value, 1, Organizer, errors, CancellationToken.None)));

        // The lunch of the next day overlaps nothing; a session at the banquet's hour with the same guest does.
        var someone = await _harness.QueryAsync(db => db.SeatAssignments.Where(a => a.SessionId == banquet.Id && a.Table == 1 && a.Seat == 1).Select(a => a.DelegateId!.Value).SingleAsync());
        var other = await _harness.QueryAsync(async db =>
        {
            var meeting = await db.Sessions.FirstAsync(s => s.TitleEn.StartsWith("Provincial leaders meet heads"));
            meeting.StartUtc = banquet.StartUtc.AddMinutes(-30);
            meeting.EndUtc = banquet.StartUtc.AddMinutes(30);
            var layout = new SeatLayout { ForumId = banquet.ForumId, RoomId = meeting.RoomId!.Value, NameEn = "Square", NameZh = "回字形", Shape = LayoutShape.HollowSquare, SeatsPerTable = 12 };
            db.SeatLayouts.Add(layout);
            db.SessionSeatings.Add(new SessionSeating { ForumId = banquet.ForumId, SessionId = meeting.Id, Layout = layout });
            db.SeatAssignments.Add(new SeatAssignment { ForumId = banquet.ForumId, SessionId = meeting.Id, Table = 1, Seat = 3, DelegateId = someone });
            await db.SaveChangesAsync();
            return meeting.Id;
        });

        var view = (await PlansAsync(p => p.ViewAsync(banquet.ForumId, banquet.Id, CancellationToken.None)))!;

        Assert.Contains(view.Conflicts, c => c is { Kind: SeatingConflictKind.SeatNotInLayout, Table: 2 });
        var twice = Assert.Single(view.Conflicts, c => c.Kind == SeatingConflictKind.SeatedInOverlappingSession);
        Assert.Equal((someone, other), (twice.Person.Id, twice.OtherSessionId!.Value));

        var inUse = new FieldErrors();
        Assert.False(await _harness.RunAsync(s => s.GetRequiredService<SeatLayoutEditor>().DeleteAsync(banquet.ForumId, small!.Value, Organizer, inUse, CancellationToken.None)));
        Assert.Contains("Welcome banquet", Assert.Single(inUse.All).Message);
        Assert.True(await _harness.QueryAsync(db => db.SeatLayouts.AnyAsync(l => l.Id == small!.Value)));
    }

    [Fact]
    public async Task Should_give_the_seat_of_the_reminder_s_day_to_the_seating_placeholders_in_the_delegate_s_language()
    {
        var banquet = await BanquetAsync();
        var errors = new FieldErrors();
        await PlansAsync(p => p.SeatEveryoneAsync(banquet.ForumId, banquet.Id, 0, Organizer, errors, CancellationToken.None));
        var (forum, person, seat) = await _harness.QueryAsync(async db =>
        {
            var a = await db.SeatAssignments.AsNoTracking().Where(x => x.SessionId == banquet.Id && x.Table == 2).OrderByDescending(x => x.Seat).FirstAsync();
            return (await db.Forums.AsNoTracking().SingleAsync(), await db.Delegates.AsNoTracking().SingleAsync(d => d.Id == a.DelegateId), a);
        });
        forum.NoticesInBothLanguages = true;
        var wording = new NoticeWording("Tomorrow", "{{ seating.session }}: {{ seating.place }} ({{ seating.table }}, {{ seating.seat }})",
            "明天", "{{ seating.session }}：{{ seating.place }}");

        var draft = await _harness.RunAsync(s => s.GetRequiredService<NoticeRenderer>().RenderAsync(forum, person, NoticeKind.Reminder,
            new NoticeExtras { ReminderDay = new DateOnly(2010, 6, 22) }, CancellationToken.None, wording));
        var nextDay = await _harness.RunAsync(s => s.GetRequiredService<NoticeRenderer>().RenderAsync(forum, person, NoticeKind.Reminder,
            new NoticeExtras { ReminderDay = new DateOnly(2010, 6, 23) }, CancellationToken.None, wording));

        Assert.Contains($"Welcome banquet: Table 2, seat {seat.Seat} (Table 2, {seat.Seat})", draft.TextBody);
        Assert.Contains($"欢迎宴会：第2桌 {seat.Seat}号座", draft.TextBody);
        Assert.DoesNotContain("Table 2", nextDay.TextBody);
    }

    [Fact]
    public async Task Should_seat_at_a_bilateral_meeting_only_the_delegates_it_lists_not_every_approved_delegate()
    {
        var (session, listed) = await _harness.QueryAsync(async db =>
        {
            var meeting = await db.Sessions.FirstAsync(s => s.Type == SessionType.BilateralMeeting);
            var two = await db.Delegates.Where(d => d.Status == RegistrationStatus.Approved).OrderBy(d => d.Id).Select(d => d.Id).Take(2).ToListAsync();
            db.SessionPeople.AddRange(two.Select((id, i) => new SessionPerson { SessionId = meeting.Id, DelegateId = id, Role = SessionRole.Participant, Position = i + 1 }));
            await db.SaveChangesAsync();
            return (meeting, two);
        });

        var attending = await _harness.QueryAsync(db => SeatingAttendance.ForSessionAsync(db, session, CancellationToken.None));

        Assert.Equal(listed.Order(), attending.Where(p => p.Person.Kind == PersonKind.Delegate).Select(p => p.Person.Id).Order());
        Assert.True(await _harness.QueryAsync(db => db.Delegates.CountAsync(d => d.Status == RegistrationStatus.Approved)) > 2);
    }
}
