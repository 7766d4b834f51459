using System.Globalization;
using ForumManager.Core.CheckIns;
using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Core.Logistics;
using ForumManager.Core.Programme;
using ForumManager.Core.Registration;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Features.Reports;

/// <summary>A report as rows under headers, ready for a printed page, a CSV file or a spreadsheet.</summary>
/// <param name="Numeric">Which columns hold counts, right-aligned on the page.</param>
public sealed record ReportTable(string Title, string Note, IReadOnlyList<string> Headers, IReadOnlyList<object?[]> Rows, IReadOnlySet<int> Numeric);

/// <summary>
/// The organizers' reports: dietary needs per meal, accessibility needs, interpretation demand per session and a summary
/// per delegation. Counts come from GROUP BY queries; only people who have a need are read one by one, for their names.
/// </summary>
public sealed class ForumReports(ForumDbContext db, IStringLocalizer<SharedResource> text, Forum forum)
{
    public static readonly IReadOnlyList<string> Names = ["dietary", "accessibility", "interpretation", "delegations", "meetings"];

    /// <summary>Sessions where food is served, for the caterers' counts: banquets, and the breaks that hold lunches and refreshments.</summary>
    public static readonly IReadOnlyList<SessionType> Meals = [SessionType.Banquet, SessionType.Break];

    /// <summary>The resource keys of each report's title and description.</summary>
    public static (string Title, string Description) Keys(string report) => report switch
    {
        "dietary" => ("Reports_Dietary", "Reports_DietaryHint"),
        "accessibility" => ("Reports_Accessibility", "Reports_AccessibilityHint"),
        "interpretation" => ("Reports_Interpretation", "Reports_InterpretationHint"),
        "meetings" => ("Reports_Meetings", "Reports_MeetingsHint"),
        _ => ("Reports_Delegations", "Reports_DelegationsHint"),
    };

    private readonly bool _chinese = UiLanguage.Chinese;
    private readonly TimeZoneInfo _zone = forum.TimeZone;

    /// <summary>
    /// Names listed in one cell of a report shown as a page; the rest are counted ("and 1,234 more"), and the CSV and XLSX
    /// files, built without a limit, list everyone.
    /// </summary>
    public const int NamesOnPage = 100;

    /// <param name="namesPerCell">At most this many names in a cell (a page); null lists everyone (a file).</param>
    public Task<ReportTable> BuildAsync(string report, CancellationToken ct, int? namesPerCell = null) => report switch
    {
        "dietary" => DietaryAsync(namesPerCell, ct),
        "accessibility" => AccessibilityAsync(ct),
        "interpretation" => InterpretationAsync(ct),
        "delegations" => DelegationsAsync(ct),
        "meetings" => MeetingOutcomesAsync(ct),
        _ => throw new ArgumentOutOfRangeException(nameof(report)),
    };

    private IQueryable<Delegate> Approved => db.Delegates.AsNoTracking().Where(d => d.ForumId == forum.Id && d.Status == RegistrationStatus.Approved);

    /// <summary>Approved delegates enrolled in a session (for sessions that take enrolment), with the session's id.</summary>
    private IQueryable<Enrolled> EnrolledIn(IReadOnlyCollection<int> sessionIds) =>
        from e in db.Enrolments.AsNoTracking()
        where sessionIds.Contains(e.SessionId) && e.Status == EnrolmentStatus.Enrolled
        join d in Approved on e.DelegateId equals d.Id
        select new Enrolled { SessionId = e.SessionId, Delegate = d };

    // A class with settable members rather than a positional record, so that EF Core can group by its members.
    private sealed class Enrolled
    {
        public int SessionId { get; init; }
        public Delegate Delegate { get; init; } = null!;
    }

    private sealed record SessionFacts(int Id, SessionType Type, string TitleEn, string TitleZh, DateTime StartUtc, bool TakesEnrolment, string? RoomEn, string? RoomZh,
        int Booths, InterpretationMode Interpretation, string? InterpretationLanguages, bool IsPublic = true);

    private sealed record NeedCount(int? SessionId, string? Need, int Count);

    private sealed record NamedNeed(int? SessionId, string? Need, string FamilyName, string GivenName, string? NativeName);

    private async Task<List<SessionFacts>> SessionsAsync(IReadOnlyList<SessionType>? types, CancellationToken ct)
    {
        var sessions = db.Sessions.AsNoTracking().Where(s => s.ForumId == forum.Id);
        if (types is not null)
        {
            sessions = sessions.Where(s => types.Contains(s.Type));
        }

        return await sessions.OrderBy(s => s.StartUtc).ThenBy(s => s.Id)
            // A banquet is the hosts' invitation to every approved delegate: its capacity is the hall's seats, not a list
            // to enrol on. Other sessions with seats count those enrolled.
            .Select(s => new SessionFacts(s.Id, s.Type, s.TitleEn, s.TitleZh, s.StartUtc, s.Capacity != null && s.Type != SessionType.Banquet,
                s.Room == null ? null : s.Room.NameEn, s.Room == null ? null : s.Room.NameZh, s.Room == null ? 0 : s.Room.InterpretationBooths,
                s.Interpretation, s.InterpretationLanguages, s.IsPublic))
            .ToListAsync(ct);
    }

    private async Task<ReportTable> DietaryAsync(int? namesPerCell, CancellationToken ct)
    {
        // Meals count those enrolled when they take enrolment (never a banquet), and everyone approved when they do not.
        var sessions = await SessionsAsync(Meals, ct);
        var enrolledIds = sessions.Where(s => s.TakesEnrolment).Select(s => s.Id).ToList();

        var counts = await EnrolledIn(enrolledIds).GroupBy(x => new { x.SessionId, x.Delegate.DietaryNeeds })
            .Select(g => new NeedCount(g.Key.SessionId, g.Key.DietaryNeeds, g.Count())).ToListAsync(ct);
        var open = sessions.Count > enrolledIds.Count
            ? await Approved.GroupBy(d => d.DietaryNeeds).Select(g => new NeedCount(null, g.Key, g.Count())).ToListAsync(ct)
            : [];
        var names = await EnrolledIn(enrolledIds).Where(x => x.Delegate.DietaryNeeds != null && x.Delegate.DietaryNeeds != "")
            .Select(x => new NamedNeed(x.SessionId, x.Delegate.DietaryNeeds, x.Delegate.FamilyName, x.Delegate.GivenName, x.Delegate.NativeName))
            .ToListAsync(ct);
        if (sessions.Count > enrolledIds.Count)
        {
            names.AddRange(await Approved.Where(d => d.DietaryNeeds != null && d.DietaryNeeds != "").OrderBy(d => d.PrecedenceRank).ThenBy(d => d.FamilyName)
                .Select(d => new NamedNeed(null, d.DietaryNeeds, d.FamilyName, d.GivenName, d.NativeName)).ToListAsync(ct));
        }

        var named = names.GroupBy(n => (n.SessionId, Need: Need(n.Need)))
            .ToDictionary(g => g.Key, g => g.Select(n => PersonName(n.FamilyName, n.GivenName, n.NativeName)).ToList());
        string Names(int? session, string? need)
        {
            var people = named.GetValueOrDefault((session, need)) ?? [];
            return namesPerCell is { } most && people.Count > most
                ? string.Join("; ", people.Take(most)) + " " + text["Reports_MoreNames", (people.Count - most).ToString("N0", CultureInfo.CurrentCulture)].Value
                : string.Join("; ", people);
        }

        var rows = new List<object?[]>();
        foreach (var session in sessions)
        {
            int? key = session.TakesEnrolment ? session.Id : null;
            var mine = (session.TakesEnrolment ? counts.Where(c => c.SessionId == session.Id) : open)
                .GroupBy(c => Need(c.Need)).Select(g => (Need: g.Key, Count: g.Sum(c => c.Count))).ToList();
            var title = _chinese ? session.TitleZh : session.TitleEn;
            var start = Local(session.StartUtc);
            foreach (var (need, count) in mine.Where(m => m.Need is not null).OrderByDescending(m => m.Count).ThenBy(m => m.Need, StringComparer.CurrentCulture))
            {
                rows.Add([title, start, need, count, Names(key, need)]);
            }

            rows.Add([title, start, text["Reports_NoSpecialNeeds"].Value, mine.Where(m => m.Need is null).Sum(m => m.Count), null]);
            rows.Add([title, start, text["Reports_AllAttending"].Value, mine.Sum(m => m.Count), null]);
        }

        return new ReportTable(text["Reports_Dietary"].Value, text["Reports_DietaryHint"].Value,
            [text["Programme_Session"].Value, text["Reports_Start", ZoneLabel].Value, text["Field_DietaryNeeds"].Value, text["Reports_People"].Value, text["Reports_Names"].Value],
            rows, new HashSet<int> { 3 });
    }

    private async Task<ReportTable> AccessibilityAsync(CancellationToken ct)
    {
        var people = await Approved.Where(d => d.AccessibilityNeeds != null && d.AccessibilityNeeds != "")
            .OrderBy(d => d.PrecedenceRank).ThenBy(d => d.FamilyName).ThenBy(d => d.Id)
            .Select(d => new
            {
                d.FamilyName,
                d.GivenName,
                d.NativeName,
                DelegationEn = d.Delegation == null ? null : d.Delegation.NameEn,
                DelegationZh = d.Delegation == null ? null : d.Delegation.NameZh,
                d.AccessibilityNeeds,
                Flight = db.Journeys.Where(j => j.DelegateId == d.Id && j.Direction == JourneyDirection.Arrival).Select(j => j.Number).FirstOrDefault(),
                Lands = db.Journeys.Where(j => j.DelegateId == d.Id && j.Direction == JourneyDirection.Arrival).Select(j => (DateTime?)j.ScheduledUtc).FirstOrDefault(),
                Hub = db.Journeys.Where(j => j.DelegateId == d.Id && j.Direction == JourneyDirection.Arrival).Select(j => j.Hub!.Code).FirstOrDefault(),
                HotelEn = db.RoomOccupants.Where(o => o.DelegateId == d.Id).Select(o => o.HotelRoom!.RoomBlock!.Hotel!.NameEn).FirstOrDefault(),
                HotelZh = db.RoomOccupants.Where(o => o.DelegateId == d.Id).Select(o => o.HotelRoom!.RoomBlock!.Hotel!.NameZh).FirstOrDefault(),
                Room = db.RoomOccupants.Where(o => o.DelegateId == d.Id).Select(o => o.HotelRoom!.RoomNumber).FirstOrDefault(),
            })
            .ToListAsync(ct);

        var rows = people.Select(p => new object?[]
        {
            LatinName(p.FamilyName, p.GivenName), p.NativeName, _chinese ? p.DelegationZh : p.DelegationEn, p.AccessibilityNeeds,
            p.Flight, p.Lands is { } lands ? Local(lands) : null, p.Hub, _chinese ? p.HotelZh : p.HotelEn, p.Room,
        }).ToList();
        return new ReportTable(text["Reports_Accessibility"].Value, text["Reports_AccessibilityHint"].Value,
            [text["Reports_LatinName"].Value, text["Field_NativeName"].Value, text["Field_Delegation"].Value, text["Field_AccessibilityNeeds"].Value,
                text["Reports_Flight"].Value, text["Reports_Lands", ZoneLabel].Value, text["Reports_ArrivesAt"].Value, text["Reports_Hotel"].Value, text["Reports_Room"].Value],
            rows, new HashSet<int>());
    }

    private async Task<ReportTable> InterpretationAsync(CancellationToken ct)
    {
        var sessions = await SessionsAsync(null, ct);
        var enrolledIds = sessions.Where(s => s.TakesEnrolment).Select(s => s.Id).ToList();
        var counts = await EnrolledIn(enrolledIds).GroupBy(x => new { x.SessionId, x.Delegate.InterpretationLanguage })
            .Select(g => new NeedCount(g.Key.SessionId, g.Key.InterpretationLanguage, g.Count())).ToListAsync(ct);
        var open = sessions.Count > enrolledIds.Count
            ? await Approved.GroupBy(d => d.InterpretationLanguage).Select(g => new NeedCount(null, g.Key, g.Count())).ToListAsync(ct)
            : [];

        // A session by invitation (a bilateral meeting, a leaders' meeting) is attended by the delegates named on it,
        // not by everyone approved.
        var invitedIds = sessions.Where(s => !s.IsPublic && !s.TakesEnrolment).Select(s => s.Id).ToList();
        var invited = await (from p in db.SessionPeople.AsNoTracking()
                             where invitedIds.Contains(p.SessionId) && p.DelegateId != null
                             join d in Approved on p.DelegateId equals d.Id
                             select new { p.SessionId, d.Id, d.InterpretationLanguage })
            .Distinct().GroupBy(x => new { x.SessionId, x.InterpretationLanguage })
            .Select(g => new NeedCount(g.Key.SessionId, g.Key.InterpretationLanguage, g.Count())).ToListAsync(ct);

        var rows = new List<object?[]>();
        foreach (var session in sessions)
        {
            var mine = (session.TakesEnrolment ? counts.Where(c => c.SessionId == session.Id)
                    : invitedIds.Contains(session.Id) ? invited.Where(c => c.SessionId == session.Id) : open)
                .GroupBy(c => Need(c.Need)).Select(g => (Language: g.Key, Count: g.Sum(c => c.Count))).ToList();
            var attending = mine.Sum(m => m.Count);
            object?[] Row(string? language, int count) =>
            [
                _chinese ? session.TitleZh : session.TitleEn, Local(session.StartUtc), _chinese ? session.RoomZh : session.RoomEn, session.Booths,
                text["InterpretationMode_" + session.Interpretation].Value, LanguageNames.Pair(session.InterpretationLanguages), attending, LanguageNames.Of(language), count,
            ];

            var wanted = mine.Where(m => m.Language is not null).OrderByDescending(m => m.Count).ThenBy(m => m.Language, StringComparer.Ordinal).ToList();
            if (wanted.Count == 0)
            {
                rows.Add(Row(null, 0));
            }

            rows.AddRange(wanted.Select(w => Row(w.Language, w.Count)));
        }

        return new ReportTable(text["Reports_Interpretation"].Value, text["Reports_InterpretationHint"].Value,
            [text["Programme_Session"].Value, text["Reports_Start", ZoneLabel].Value, text["Programme_Room"].Value, text["Reports_Booths"].Value,
                text["Programme_Interpretation"].Value, text["Programme_InterpretationLanguages"].Value, text["Reports_Attending"].Value,
                text["Field_InterpretationLanguage"].Value, text["Reports_People"].Value],
            rows, new HashSet<int> { 3, 6, 8 });
    }

    private async Task<ReportTable> DelegationsAsync(CancellationToken ct)
    {
        var forumId = forum.Id;
        var delegations = await db.Delegations.AsNoTracking().Where(d => d.ForumId == forumId)
            .Select(d => new { Id = (int?)d.Id, d.NameEn, d.NameZh, d.CountryCode }).ToListAsync(ct);
        var statuses = await db.Delegates.AsNoTracking().Where(d => d.ForumId == forumId)
            .GroupBy(d => new { d.DelegationId, d.Status })
            .Select(g => new { g.Key.DelegationId, g.Key.Status, Count = g.Count(), Rank = g.Min(d => d.PrecedenceRank) }).ToListAsync(ct);
        var needs = await Approved.GroupBy(d => d.DelegationId).Select(g => new
        {
            g.Key,
            Dietary = g.Count(d => d.DietaryNeeds != null && d.DietaryNeeds != ""),
            Accessibility = g.Count(d => d.AccessibilityNeeds != null && d.AccessibilityNeeds != ""),
        }).ToDictionaryAsync(g => g.Key ?? 0, ct);
        var rooms = await (from o in db.RoomOccupants.AsNoTracking() join d in Approved on o.DelegateId equals d.Id
                           group d by d.DelegationId into g select new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key ?? 0, g => g.Count, ct);
        var arrivals = await (from j in db.Journeys.AsNoTracking() where j.Direction == JourneyDirection.Arrival
                              join d in Approved on j.DelegateId equals d.Id
                              group d by d.DelegationId into g select new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key ?? 0, g => g.Count, ct);
        var checkedIn = await (from c in db.CheckIns.AsNoTracking() where c.Checkpoint == Checkpoints.Main
                               join d in Approved on c.DelegateId equals d.Id
                               group d by d.DelegationId into g select new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key ?? 0, g => g.Count, ct);

        // Delegations in protocol order: the one whose most senior member ranks first leads; equal ranks go by name.
        var lines = delegations.Select(d => (d.Id, Name: _chinese ? d.NameZh : d.NameEn, d.NameEn, d.CountryCode)).ToList();
        if (statuses.Any(s => s.DelegationId is null))
        {
            lines.Add((null, text["Dashboard_NoDelegation"].Value, "\uffff", string.Empty));
        }

        var ordered = lines.Select(l => (Line: l, Rank: statuses.Where(s => s.DelegationId == l.Id).Select(s => s.Rank).DefaultIfEmpty(int.MaxValue).Min()))
            .OrderBy(x => x.Line.Id is null).ThenBy(x => x.Rank).ThenBy(x => x.Line.NameEn, StringComparer.Ordinal).Select(x => x.Line);
        var rows = new List<object?[]>();
        foreach (var line in ordered)
        {
            var key = line.Id ?? 0;
            var row = new List<object?> { line.Name, Countries.Find(line.CountryCode)?.Name(_chinese) ?? line.CountryCode };
            row.AddRange(Enum.GetValues<RegistrationStatus>().Select(s => (object?)statuses.Where(x => x.DelegationId == line.Id && x.Status == s).Sum(x => x.Count)));
            row.Add(rooms.GetValueOrDefault(key));
            row.Add(arrivals.GetValueOrDefault(key));
            row.Add(checkedIn.GetValueOrDefault(key));
            row.Add(needs.TryGetValue(key, out var n) ? n.Dietary : 0);
            row.Add(needs.TryGetValue(key, out var m) ? m.Accessibility : 0);
            rows.Add([.. row]);
        }

        string[] headers =
        [
            text["Field_Delegation"].Value, text["Field_Country"].Value,
            .. Enum.GetValues<RegistrationStatus>().Select(s => text["RegistrationStatus_" + s].Value),
            text["Reports_WithRoom"].Value, text["Reports_WithArrival"].Value, text["Dashboard_CheckedIn"].Value,
            text["Field_DietaryNeeds"].Value, text["Field_AccessibilityNeeds"].Value,
        ];
        return new ReportTable(text["Reports_Delegations"].Value, text["Reports_DelegationsHint"].Value, headers, rows,
            Enumerable.Range(2, headers.Length - 2).ToHashSet());
    }

    private string ZoneLabel => ForumTime.OffsetLabel(forum.StartDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), _zone);

    private string Local(DateTime utc) => ForumTime.ToLocal(utc, _zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string? Need(string? need) => string.IsNullOrWhiteSpace(need) ? null : need.Trim();

    private static string LatinName(string family, string given) => $"{family.ToUpperInvariant()} {given}";

    private static string PersonName(string family, string given, string? native) =>
        string.IsNullOrWhiteSpace(native) ? LatinName(family, given) : $"{LatinName(family, given)} ({native})";

    /// <summary>
    /// Bilateral meetings held, and what they ended with, per delegation (as either party) and then per partner city;
    /// meetings still to come are counted apart.
    /// </summary>
    private async Task<ReportTable> MeetingOutcomesAsync(CancellationToken ct)
    {
        var forumId = forum.Id;
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.ForumId == forumId)
            .Select(m => new { m.Id, m.DelegationId, m.PartnerDelegationId, m.Status, m.Outcome }).ToListAsync(ct);
        var delegations = await db.Delegations.AsNoTracking().Where(d => d.ForumId == forumId)
            .Select(d => new { d.Id, d.NameEn, d.NameZh, City = d.PartnerCity == null ? null : _chinese ? d.PartnerCity.NameZh : d.PartnerCity.NameEn })
            .ToListAsync(ct);
        var none = text["Reports_NoPartnerCity"].Value;
        object?[] Counts(string city, string name, IEnumerable<Core.Protocol.MeetingStatus> statuses, IEnumerable<Core.Protocol.MeetingOutcome> outcomes)
        {
            var held = outcomes.ToList();
            var all = statuses.ToList();
            return
            [
                city, name, held.Count, held.Count(o => o == Core.Protocol.MeetingOutcome.AgreementSigned),
                held.Count(o => o == Core.Protocol.MeetingOutcome.MemorandumSigned), held.Count(o => o == Core.Protocol.MeetingOutcome.None),
                all.Count(s => s == Core.Protocol.MeetingStatus.Confirmed),
            ];
        }

        var involved = delegations.Select(d => (Delegation: d, Meetings: meetings.Where(m => m.DelegationId == d.Id || m.PartnerDelegationId == d.Id).ToList()))
            .Where(x => x.Meetings.Count > 0)
            .OrderBy(x => x.Delegation.City ?? "\uffff", StringComparer.CurrentCulture).ThenBy(x => _chinese ? x.Delegation.NameZh : x.Delegation.NameEn, StringComparer.CurrentCulture)
            .ToList();
        var rows = involved.Select(x => Counts(x.Delegation.City ?? none, _chinese ? x.Delegation.NameZh : x.Delegation.NameEn, x.Meetings.Select(m => m.Status),
            x.Meetings.Where(m => m.Status == Core.Protocol.MeetingStatus.Held).Select(m => m.Outcome))).ToList();
        foreach (var city in involved.GroupBy(x => x.Delegation.City ?? none))
        {
            var cityMeetings = city.SelectMany(x => x.Meetings).Distinct().ToList();
            rows.Add(Counts(city.Key, text["Reports_AllOfCity"], cityMeetings.Select(m => m.Status),
                cityMeetings.Where(m => m.Status == Core.Protocol.MeetingStatus.Held).Select(m => m.Outcome)));
        }

        var headers = new[] { "Reports_PartnerCity", "Reports_Delegation", "Reports_MeetingsHeld", "MeetingOutcome_AgreementSigned", "MeetingOutcome_MemorandumSigned",
            "MeetingOutcome_None", "Reports_MeetingsToCome" }.Select(k => text[k].Value).ToList();
        return new ReportTable(text["Reports_Meetings"], text["Reports_MeetingsHint"], headers, rows, new HashSet<int> { 2, 3, 4, 5, 6 });
    }
}
