using System.Globalization;
using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Core.Programme;
using ForumManager.Core.Registration;
using ForumManager.Data;
using ForumManager.Features.Forums;
using ForumManager.Features.Logistics;
using ForumManager.Features.Programme;
using Microsoft.EntityFrameworkCore;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Features.Notices;

/// <summary>
/// Gathers what a notice's template can say about its recipient (their record, delegation, agenda, room and pickup, and
/// the forum's links); rendering the template is the <see cref="NoticeRenderer"/>'s part.
/// </summary>
public sealed class NoticeContexts(ForumDbContext db, ReleasedAgendas releases, PublicLinks links)
{
    internal async Task<(string NameEn, string NameZh)> DelegationAsync(Delegate person, CancellationToken ct) =>
        person.Delegation is { } known ? (known.NameEn, known.NameZh)
            : person.DelegationId is { } delegationId
                ? await db.Delegations.AsNoTracking().Where(d => d.Id == delegationId).Select(d => new ValueTuple<string, string>(d.NameEn, d.NameZh)).FirstOrDefaultAsync(ct)
                : default;

    internal Task<TravelSummary?> TravelAsync(int delegateId, CancellationToken ct) => TravelSummaries.ForAsync(db, delegateId, ct);

    internal Task<IReadOnlyList<Protocol.SeatPlace>> SeatsAsync(int delegateId, CancellationToken ct) => Protocol.SeatPlaces.ForDelegateAsync(db, delegateId, ct);

    /// <summary>The room and pickup, each empty until the organizers have given it, so a template can test it with <c>!= blank</c>.</summary>
    internal static Dictionary<string, object?> Travel(TravelSummary? t, Forum forum, bool chinese)
    {
        string When(DateTime utc) => ForumTime.ToLocal(utc, forum.TimeZone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var language = chinese ? "zh-Hans" : "en";
        string? Join(params string?[] parts) => parts.All(string.IsNullOrWhiteSpace) ? null : string.Join(", ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
        return new Dictionary<string, object?>
        {
            ["hotel"] = t?.HotelEn is null ? null : Join(chinese ? t.HotelZh : t.HotelEn, chinese ? t.HotelAddressZh : t.HotelAddressEn),
            ["room"] = t?.RoomType is not { } type ? null : Join(SharedResource.Get("RoomType_" + type, language), t.RoomNumber,
                t.CheckIn is { } i && t.CheckOut is { } o ? $"{i:yyyy-MM-dd} – {o:yyyy-MM-dd}" : null),
            ["arrival"] = t?.ArrivalNumber is null ? null : Join(t.ArrivalNumber, chinese ? t.HubZh : t.HubEn, t.Terminal, t.ArrivalUtc is { } a ? When(a) : null),
            ["pickup"] = t?.Vehicle is null ? null : Join($"{t.Vehicle} {t.Plate}".Trim(), chinese ? t.HubZh : t.HubEn, t.Terminal,
                t.PickupDepartsUtc is { } d ? SharedResource.Get("Travel_PickupDeparts", language, When(d), ForumTime.OffsetLabel(d, forum.TimeZone)) : null),
            ["driver"] = t?.Vehicle is null ? null : Join(t.DriverName, t.DriverPhone),
            ["liaison"] = t?.Vehicle is null ? null : Join(t.LiaisonName, t.LiaisonPhone),
        };
    }

    internal Dictionary<string, object?> Model(Forum forum, Delegate person, (string NameEn, string NameZh) delegation, NoticeExtras extras, List<AgendaSession> sessions, bool chinese)
    {
        var zone = forum.TimeZone;
        string When(DateTime utc) => ForumTime.ToLocal(utc, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var country = Countries.Find(person.CountryCode);
        return new Dictionary<string, object?>
        {
            ["delegate"] = new Dictionary<string, object?>
            {
                ["name"] = chinese && !string.IsNullOrWhiteSpace(person.NativeName) && person.NativeNameLanguage?.StartsWith("zh", StringComparison.Ordinal) == true
                    ? person.NativeName
                    : $"{person.Honorific} {person.GivenName} {person.FamilyName}".Trim(),
                ["given_name"] = person.GivenName,
                ["family_name"] = person.FamilyName,
                ["native_name"] = person.NativeName,
                ["honorific"] = person.Honorific,
                ["position"] = person.Position,
                ["organization"] = person.Organization,
                ["delegation"] = chinese ? delegation.NameZh : delegation.NameEn,
                ["country"] = country?.Name(chinese) ?? person.CountryCode,
                ["category"] = SharedResource.Get("DelegateCategory_" + person.Category, chinese ? "zh-Hans" : "en"),
                ["status"] = SharedResource.Get("RegistrationStatus_" + person.Status, chinese ? "zh-Hans" : "en"),
                ["reason"] = person.StatusReason,
                ["email"] = person.Email,
            },
            ["forum"] = new Dictionary<string, object?>
            {
                ["name"] = forum.Name(chinese),
                ["theme"] = chinese ? forum.ThemeZh : forum.ThemeEn,
                ["place"] = chinese ? forum.PlaceZh : forum.PlaceEn,
                ["dates"] = chinese
                    ? $"{forum.StartDate.Year}年{forum.StartDate.Month}月{forum.StartDate.Day}日至{forum.EndDate.Month}月{forum.EndDate.Day}日"
                    : $"{forum.StartDate.ToString("d MMMM", CultureInfo.GetCultureInfo("en-GB"))} – {forum.EndDate.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}",
            },
            ["links"] = new Dictionary<string, object?>
            {
                ["me"] = links.To("/me"),
                ["agenda"] = links.To("/agenda"),
                ["my_agenda"] = links.To("/me/agenda"),
                ["edit"] = links.To("/me/edit"),
                ["visa_letter"] = links.To("/me/visa-letter.pdf"),
                ["confirm"] = extras.ConfirmLink,
                ["photo"] = links.To("/me/photo"),
            },
            ["photo"] = new Dictionary<string, object?> { ["reason"] = extras.PhotoReason },
            ["agenda"] = sessions.Select(s => (object)new Dictionary<string, object?>
            {
                ["title"] = s.Title(chinese),
                ["when"] = When(s.StartUtc),
                ["room"] = s.Room(chinese) ?? "—",
            }).ToList(),
            ["session"] = new Dictionary<string, object?>
            {
                ["title"] = chinese ? extras.SessionTitleZh ?? extras.SessionTitleEn : extras.SessionTitleEn,
                ["when"] = extras.SessionStartUtc is { } start ? When(start) : null,
                ["room"] = chinese ? extras.SessionRoomZh ?? extras.SessionRoomEn : extras.SessionRoomEn,
                ["removed"] = extras.SessionRemoved,
            },
        };
    }

    /// <summary>The delegate's sessions in the latest release, and the invitation-only ones they take part in, in time order.</summary>
    internal async Task<List<AgendaSession>> SessionsAsync(Forum forum, int delegateId, CancellationToken ct)
    {
        if (await releases.LatestAsync(forum.Id, ct) is not { } agenda)
        {
            return [];
        }

        var enrolled = await db.Enrolments.AsNoTracking().Where(e => e.DelegateId == delegateId && e.Status == EnrolmentStatus.Enrolled).Select(e => e.SessionId).ToListAsync(ct);
        var taking = await db.SessionPeople.AsNoTracking().Where(p => p.DelegateId == delegateId).Select(p => p.SessionId).ToListAsync(ct);
        var mine = enrolled.Concat(taking).ToHashSet();
        var invited = await releases.InvitationOnlyAsync(forum.Id, taking, ct);
        return agenda.Sessions.Where(s => mine.Contains(s.Id)).Concat(invited).OrderBy(s => s.StartUtc).ToList();
    }

    /// <summary>One recipient's context for the templates.</summary>
    public RecipientContext For(Forum forum, Delegate person, NoticeExtras extras) => new(this, forum, person, extras, null);

    /// <summary>One recipient's context with the edition's texts in a further language, English where it has none.</summary>
    public RecipientContext For(Forum forum, Delegate person, NoticeExtras extras, Languages.ContentDictionary content) =>
        new(this, content.Apply(forum), person, extras, content);
}

/// <summary>What a template can show about one delegate; the agenda and the travel are read once, and only for wording that names them.</summary>
public sealed class RecipientContext(NoticeContexts contexts, Forum forum, Delegate person, NoticeExtras extras, Languages.ContentDictionary? content)
{
    private List<AgendaSession>? sessions;
    private TravelSummary? travel;
    private bool travelRead;
    private IReadOnlyList<Protocol.SeatPlace>? seats;
    private (string NameEn, string NameZh)? delegation;

    public async Task<List<AgendaSession>> SessionsAsync(CancellationToken ct) =>
        sessions ??= content is null ? await contexts.SessionsAsync(forum, person.Id, ct) : content.Apply(await contexts.SessionsAsync(forum, person.Id, ct));

    public async Task<Dictionary<string, object?>> ForAsync(string wording, bool chinese, CancellationToken ct)
    {
        delegation ??= await contexts.DelegationAsync(person, ct);
        if (content is not null && person.DelegationId is { } delegationId && content.Find(Core.Languages.ContentFields.DelegationName, delegationId) is { } name)
        {
            delegation = (name, delegation.Value.NameZh);
        }

        var agenda = wording.Contains("agenda", StringComparison.Ordinal) ? await SessionsAsync(ct) : sessions ?? [];
        if (!travelRead && wording.Contains("travel", StringComparison.Ordinal))
        {
            travel = await contexts.TravelAsync(person.Id, ct);
            travelRead = true;
        }

        if (seats is null && wording.Contains("seating", StringComparison.Ordinal))
        {
            seats = await contexts.SeatsAsync(person.Id, ct);
        }

        var model = contexts.Model(forum, person, delegation.Value, extras, agenda, chinese);
        model["travel"] = NoticeContexts.Travel(travel, forum, chinese);
        model["seating"] = Protocol.SeatPlaces.Placeholders(seats ?? [], extras.ReminderDay, forum.TimeZone, chinese);
        return model;
    }
}
