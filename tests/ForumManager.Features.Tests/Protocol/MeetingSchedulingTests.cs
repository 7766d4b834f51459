using ForumManager.Core.Auditing;
using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Core.Mail;
using ForumManager.Core.Programme;
using ForumManager.Core.Protocol;
using ForumManager.Data;
using ForumManager.Features.Protocol;
using ForumManager.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Features.Tests.Protocol;

public sealed class MeetingSchedulingTests : IAsyncLifetime
{
    private readonly FeatureHarness _harness = new();
    private static readonly Actor Organizer = new("o1", "organizer@example.org");
    private static readonly string[] Pairs = ["zh-en", "zh-fr", "zh-de"];

    public Task InitializeAsync() => _harness.InitializeAsync();

    public Task DisposeAsync() => _harness.DisposeAsync();

    private sealed record World(List<int> Delegations, Dictionary<int, List<int>> Members, List<int> Departments, Dictionary<int, int> Officials,
        int BusyOfficial, int BusyDepartment);

    /// <summary>15 delegations of 3, 6 host departments with an official each, 2 interpreters for each of 3 pairs, a meeting centre of 6 rooms.</summary>
    private async Task<World> BuildAsync(Forum forum) => await _harness.QueryAsync(async db =>
    {
        var venue = new Venue { ForumId = forum.Id, NameEn = "Meeting Centre", NameZh = "会见中心" };
        venue.Rooms.AddRange(Enumerable.Range(1, 6).Select(i => new Room
        {
            ForumId = forum.Id, NameEn = $"Meeting Room {i}", NameZh = $"会见室{i}", Capacity = 8, OpensAt = new TimeOnly(8, 0), ClosesAt = new TimeOnly(20, 0),
        }));
        db.Venues.Add(venue);
        await db.SaveChangesAsync();
        foreach (var other in await db.Venues.Where(v => v.ForumId == forum.Id && v.Id != venue.Id).Select(v => v.Id).ToListAsync())
        {
            db.VenueTravelTimes.Add(new VenueTravelTime { ForumId = forum.Id, FromVenueId = other, ToVenueId = venue.Id, Minutes = 25 });
            db.VenueTravelTimes.Add(new VenueTravelTime { ForumId = forum.Id, FromVenueId = venue.Id, ToVenueId = other, Minutes = 25 });
        }

        var departments = Enumerable.Range(1, 6).Select(i => new HostDepartment
        {
            ForumId = forum.Id, NameEn = $"Department {i}", NameZh = $"厅局{i}", Email = $"dept{i}@hunan.example.org", PreferredLanguage = i % 2 == 0 ? "en" : "zh-Hans",
        }).ToList();
        db.HostDepartments.AddRange(departments);
        await db.SaveChangesAsync();
        var officials = departments.Select(d => new Guest { ForumId = forum.Id, Kind = GuestKind.Official, NameEn = "Official of " + d.NameEn, HostDepartmentId = d.Id }).ToList();
        var busy = new Guest { ForumId = forum.Id, Kind = GuestKind.Official, NameEn = "Director Always-Busy", HostDepartmentId = departments[0].Id };
        db.Guests.AddRange(officials);
        db.Guests.Add(busy);
        db.Guests.AddRange(Enumerable.Range(0, 6).Select(i => new Guest
        {
            ForumId = forum.Id, Kind = GuestKind.Interpreter, NameEn = $"Interpreter {i}", LanguagePairs = Pairs[i % 3] + (i == 0 ? ",en-fr" : ""),
        }));

        var delegations = Enumerable.Range(1, 15).Select(i => new Delegation { ForumId = forum.Id, NameEn = $"City {i}", NameZh = $"城市{i}", CountryCode = "FR" }).ToList();
        db.Delegations.AddRange(delegations);
        await db.SaveChangesAsync();
        var members = new Dictionary<int, List<int>>();
        var n = 0;
        foreach (var delegation in delegations)
        {
            var people = Enumerable.Range(0, 3).Select(j => new Delegate
            {
                ForumId = forum.Id, DelegationId = delegation.Id, FamilyName = $"Family{++n}", GivenName = "Given", CountryCode = "FR",
                Email = $"m{n}@city.example.org", Category = j == 0 ? DelegateCategory.HeadOfDelegation : DelegateCategory.Delegate,
                Status = RegistrationStatus.Approved, PrecedenceRank = 100 + n, PreferredLanguage = n % 2 == 0 ? "zh-Hans" : "en", Reference = $"T-{n}",
            }).ToList();
            db.Delegates.AddRange(people);
            await db.SaveChangesAsync();
            members[delegation.Id] = people.Select(p => p.Id).ToList();
        }

        // Some heads speak at the programme's sessions of the first day, at the hotel 25 minutes away.
        var sessions = (await db.Sessions.Where(s => s.ForumId == forum.Id && s.RoomId != null).OrderBy(s => s.StartUtc).ToListAsync())
            .Where(s => s.EndUtc - s.StartUtc <= TimeSpan.FromHours(3)).Take(5).ToList();
        for (var i = 0; i < sessions.Count; i++)
        {
            db.SessionPeople.Add(new SessionPerson { SessionId = sessions[i].Id, Role = SessionRole.Speaker, DelegateId = members[delegations[i].Id][0] });
        }

        // The busy director sits through an all-day session on both days.
        foreach (var day in new[] { forum.StartDate, forum.StartDate.AddDays(1) })
        {
            var allDay = new Session
            {
                ForumId = forum.Id, TitleEn = "Closed door budget review", TitleZh = "预算审议", Type = SessionType.BilateralMeeting, IsPublic = false,
                StartUtc = ForumTime.ToUtc(day, new TimeOnly(7, 0), forum.TimeZone), EndUtc = ForumTime.ToUtc(day, new TimeOnly(21, 0), forum.TimeZone),
            };
            allDay.People.Add(new SessionPerson { Role = SessionRole.Participant, GuestId = busy.Id });
            db.Sessions.Add(allDay);
        }

        await db.SaveChangesAsync();
        return new World(delegations.Select(d => d.Id).ToList(), members, departments.Select(d => d.Id).ToList(),
            officials.ToDictionary(o => o.HostDepartmentId!.Value, o => o.Id), busy.Id, departments[0].Id);
    });

    private static MeetingRequestInput Request(Forum forum, int delegationId, string partner, List<string> people, int day, string pair) => new()
    {
        DelegationId = delegationId, Partner = partner, Topic = "Trade and youth exchanges; 经贸与青年交流", People = people, DurationMinutes = 45, LanguagePair = pair,
        Windows = [new WindowInput { Day = forum.StartDate.AddDays(day).ToString("yyyy-MM-dd"), From = "08:30", To = "18:00" }],
    };

    [Fact]
    public async Task Should_schedule_30_requests_over_two_days_without_a_conflict_tell_every_party_with_an_invitation_and_say_why_one_cannot_be_placed()
    {
        var forum = await _harness.ForumAsync();
        var world = await BuildAsync(forum);
        var ids = new List<int>();
        for (var i = 0; i < 30; i++)
        {
            var own = world.Delegations[i % 15];
            var people = world.Members[own].Take(2).Select(d => "d:" + d).ToList();
            string partner;
            if (i < 24)
            {
                var department = world.Departments[i % 6];
                partner = "h:" + department;
                people.Add("g:" + world.Officials[department]);
            }
            else
            {
                var other = world.Delegations[(i + 1) % 15];
                partner = "d:" + other;
                people.Add("d:" + world.Members[other][0]);
            }

            ids.Add(await Make(forum, Request(forum, own, partner, people, i % 2, Pairs[i % 3])));
        }

        var stuck = await Make(forum, Request(forum, world.Delegations[0], "h:" + world.BusyDepartment,
            ["d:" + world.Members[world.Delegations[0]][2], "g:" + world.BusyOfficial], 0, "zh-en"));

        var result = await _harness.RunAsync(s => s.GetRequiredService<MeetingScheduling>().ScheduleAllAsync(forum, Organizer, CancellationToken.None));

        var whys = new List<string>();
        foreach (var p in result.Unplaced)
        {
            whys.Add($"{p.RequestId}: " + await _harness.RunAsync(s => s.GetRequiredService<MeetingScheduling>().DescribeAsync(p, CancellationToken.None)));
        }

        Assert.True(ids.Order().SequenceEqual(result.Confirmed.Select(c => c.RequestId).Order()), string.Join("; ", whys));
        var problem = Assert.Single(result.Unplaced);
        Assert.Equal(stuck, problem.RequestId);
        Assert.Equal(MeetingPlanReason.PersonBusy, problem.Reason);
        var why = await _harness.RunAsync(s => s.GetRequiredService<MeetingScheduling>().DescribeAsync(problem, CancellationToken.None));
        Assert.Contains("Director Always-Busy", why);

        // The programme and the meetings together, as the conflict detector sees them: nothing touching a meeting.
        var conflicts = await _harness.QueryAsync(db => ConflictsAsync(db, forum));
        Assert.Empty(conflicts);

        // Every party got an invitation in their language that ical.js reads, naming them among the attendees.
        var mails = await _harness.RunAsync(async s =>
        {
            var db = s.GetRequiredService<ForumDbContext>();
            var content = s.GetRequiredService<OutboxContent>();
            var rows = await db.OutboxMessages.AsNoTracking().Where(m => m.Purpose == "meeting-confirmed").ToListAsync();
            return rows.Select(r => (r.ToAddress, Message: MimeMessage.Load(new MemoryStream(content.Unprotect(r.MimeContent))))).ToList();
        });
        var expected = await _harness.RunAsync(async s =>
        {
            var invitations = s.GetRequiredService<MeetingInvitations>();
            var db = s.GetRequiredService<ForumDbContext>();
            var count = 0;
            foreach (var meeting in await db.Meetings.Include(m => m.Participants).Where(m => ids.Contains(m.Id)).ToListAsync())
            {
                count += (await invitations.PartiesAsync(meeting, CancellationToken.None)).Count;
            }

            return count;
        });
        Assert.Equal(expected, mails.Count);
        var calendars = mails.Select(m => m.Message.Attachments.OfType<MimePart>().Single(a => a.FileName == "meeting.ics"))
            .Select(part => { using var stream = new MemoryStream(); part.Content!.DecodeTo(stream); return System.Text.Encoding.UTF8.GetString(stream.ToArray()); })
            .ToList();
        var reports = await IcalJs.CheckAsync(calendars);
        for (var i = 0; i < reports.Count; i++)
        {
            var report = reports[i];
            Assert.True(report.Parsed && report.Errors.Count == 0, $"{mails[i].ToAddress}: {string.Join("; ", report.Errors)}");
            Assert.Equal("REQUEST", report.Method);
            var invitation = Assert.Single(report.Events);
            Assert.Equal(1, invitation.Sequence);
            Assert.Contains("mailto:" + mails[i].ToAddress, invitation.Attendees);
            Assert.StartsWith("mailto:forum@hunan.example.org", invitation.Organizer);
        }

        Assert.Contains(mails, m => m.ToAddress == "dept1@hunan.example.org" && (m.Message.Subject ?? "").Contains("会见", StringComparison.Ordinal));
        Assert.Contains(mails, m => m.ToAddress == "dept2@hunan.example.org" && (m.Message.Subject ?? "").Contains("Meeting", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_let_only_one_of_two_organizers_confirming_clashing_slots_at_once_succeed_and_cancel_with_a_higher_sequence()
    {
        var forum = await _harness.ForumAsync();
        var world = await BuildAsync(forum);
        var delegation = world.Delegations[3];
        var official = world.Officials[world.Departments[1]];
        var first = await Make(forum, Request(forum, delegation, "h:" + world.Departments[1], ["d:" + world.Members[delegation][1], "g:" + official], 1, "zh-en"));
        var second = await Make(forum, Request(forum, delegation, "h:" + world.Departments[1], ["d:" + world.Members[delegation][2], "g:" + official], 1, "zh-fr"));
        var options = await _harness.RunAsync(s => s.GetRequiredService<MeetingScheduling>().OptionsAsync(forum, first, CancellationToken.None));
        var slot = options.Slots[0];
        var interpreters = await _harness.QueryAsync(db => db.Guests.Where(g => g.Kind == GuestKind.Interpreter && g.LanguagePairs!.Contains("fr")).Select(g => g.Id).FirstAsync());

        // The same official at the same time in two meetings: both organizers press confirm together.
        var results = await Task.WhenAll(
            _harness.RunAsync(s => s.GetRequiredService<MeetingScheduling>().ConfirmAsync(forum, first, slot.StartUtc, slot.RoomId, slot.InterpreterGuestId, Organizer, CancellationToken.None)),
            _harness.RunAsync(s => s.GetRequiredService<MeetingScheduling>().ConfirmAsync(forum, second, slot.StartUtc, slot.RoomId, interpreters, Organizer, CancellationToken.None)));

        Assert.Single(results, r => r.Outcome == ConfirmOutcome.Confirmed);
        var refused = Assert.Single(results, r => r.Outcome == ConfirmOutcome.Clash);
        Assert.NotNull(refused.Problem);

        var confirmed = results[0].Outcome == ConfirmOutcome.Confirmed ? first : second;
        Assert.True(await _harness.RunAsync(s => s.GetRequiredService<MeetingScheduling>().CancelAsync(forum, confirmed, Organizer, CancellationToken.None)));
        var cancellations = await _harness.RunAsync(async s =>
        {
            var content = s.GetRequiredService<OutboxContent>();
            var rows = await s.GetRequiredService<ForumDbContext>().OutboxMessages.AsNoTracking().Where(m => m.Purpose == "meeting-cancelled").ToListAsync();
            return rows.Select(r => MimeMessage.Load(new MemoryStream(content.Unprotect(r.MimeContent))))
                .Select(m => m.Attachments.OfType<MimePart>().Single()).Select(p => { using var stream = new MemoryStream(); p.Content!.DecodeTo(stream); return System.Text.Encoding.UTF8.GetString(stream.ToArray()); })
                .ToList();
        });
        Assert.NotEmpty(cancellations);
        foreach (var report in await IcalJs.CheckAsync(cancellations))
        {
            Assert.Empty(report.Errors);
            Assert.Equal("CANCEL", report.Method);
            Assert.Equal(2, Assert.Single(report.Events).Sequence);
        }

        var libical = await Libical(cancellations[0]);
        Assert.Equal(string.Empty, libical);
    }

    private async Task<int> Make(Forum forum, MeetingRequestInput input)
    {
        var errors = new FieldErrors();
        var id = await _harness.RunAsync(s => s.GetRequiredService<MeetingRequests>().RequestAsync(forum, input, organizer: true, Organizer, "organizer@example.org", errors, CancellationToken.None));
        Assert.True(errors.IsEmpty, string.Join("; ", errors.All));
        return id!.Value;
    }

    /// <summary>libical's parse and iTIP restriction check: the X-LIC-ERRORs it leaves, joined (empty when none).</summary>
    private static async Task<string> Libical(string ics)
    {
        const string script = """
            import sys, gi
            gi.require_version('ICalGLib', '3.0')
            from gi.repository import ICalGLib as I
            c = I.Component.new_from_string(sys.stdin.read())
            I.restriction_check(c)
            errors, pending = [], [c]
            while pending:
                x = pending.pop()
                p = x.get_first_property(I.PropertyKind.XLICERROR_PROPERTY)
                while p is not None:
                    errors.append(p.as_ical_string().strip())
                    p = x.get_next_property(I.PropertyKind.XLICERROR_PROPERTY)
                k = x.get_first_component(I.ComponentKind.ANY_COMPONENT)
                while k is not None:
                    pending.append(k)
                    k = x.get_next_component(I.ComponentKind.ANY_COMPONENT)
            print('; '.join(errors))
            """;
        var start = new System.Diagnostics.ProcessStartInfo("/usr/bin/python3", ["-c", script])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            StandardInputEncoding = new System.Text.UTF8Encoding(false),
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        await process.StandardInput.WriteAsync(ics);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"libical could not be run (python3-gi, gir1.2-ical-3.0): {error}");
        return output.Trim();
    }

    /// <summary>The conflicts the detector finds between the programme and the confirmed meetings that involve a meeting.</summary>
    private static async Task<List<Conflict>> ConflictsAsync(ForumDbContext db, Forum forum)
    {
        const int Offset = 1_000_000;
        var guests = await db.Guests.Where(g => g.ForumId == forum.Id).ToDictionaryAsync(g => g.Id);
        PersonKey Key(int? d, int? g) => d is { } id ? new PersonKey(PersonKind.Delegate, id)
            : new PersonKey(guests[g!.Value].Kind == GuestKind.Interpreter ? PersonKind.Interpreter : PersonKind.Guest, g!.Value);
        var sessions = await db.Sessions.Include(s => s.People).Where(s => s.ForumId == forum.Id).ToListAsync();
        var enrolled = await db.Enrolments.Where(e => e.Status == EnrolmentStatus.Enrolled).ToListAsync();
        var planned = sessions.Select(s => new PlannedSession(s.Id, s.RoomId, s.StartUtc, s.EndUtc, 0,
            s.People.Select(p => Key(p.DelegateId, p.GuestId)).Concat(enrolled.Where(e => e.SessionId == s.Id).Select(e => new PersonKey(PersonKind.Delegate, e.DelegateId))).ToList())).ToList();
        var meetings = await db.Meetings.Include(m => m.Participants).Where(m => m.ForumId == forum.Id && m.Status == MeetingStatus.Confirmed).ToListAsync();
        planned.AddRange(meetings.Select(m => new PlannedSession(Offset + m.Id, m.RoomId, m.StartUtc!.Value, m.EndUtc!.Value, m.Participants.Count + 1,
            m.Participants.Select(p => Key(p.DelegateId, p.GuestId)).Append(new PersonKey(PersonKind.Interpreter, m.InterpreterGuestId!.Value)).ToList())));
        var rooms = await db.Rooms.Where(r => r.ForumId == forum.Id)
            .ToDictionaryAsync(r => r.Id, r => new RoomFacts(r.Id, r.VenueId, r.Capacity, r.OpensAt, r.ClosesAt, r.InterpretationBooths));
        var travel = new TravelTimes();
        foreach (var t in await db.VenueTravelTimes.Where(t => t.ForumId == forum.Id).ToListAsync())
        {
            travel.Set(t.FromVenueId, t.ToVenueId, TimeSpan.FromMinutes(t.Minutes));
        }

        Assert.Equal(30, meetings.Count(m => m.Status == MeetingStatus.Confirmed));
        return ConflictDetector.Find(planned, rooms, travel, forum.TimeZone).Where(c => c.SessionId >= Offset || c.Other >= Offset).ToList();
    }
}
