using ForumManager.Core.Delegates;
using ForumManager.Core.Programme;
using ForumManager.Core.Protocol;
using ForumManager.Core.Text;
using ForumManager.Data;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Features.Protocol;

/// <summary>Someone attending a seated session, with what the seating page and the planner need to know of them.</summary>
public sealed record SeatingPerson(PersonKey Person, string LatinName, string? NativeName, string? NativeLanguage, string? Title, int Rank,
    int? DelegationId, string? DelegationEn, string? DelegationZh, bool Press, bool Interpreter, PersonKey? Accompanies)
{
    public SeatingAttendee Attendee => new(Person, Rank, DelegationId, Press, Interpreter, Accompanies);
}

/// <summary>
/// Who attends a session. With enrolment (a capacity, and not a banquet, where every guest is invited) the approved
/// delegates enrolled; a bilateral meeting only the delegates it lists; otherwise every approved delegate but staff. Then the session's own people: officials, speakers
/// and moderators, and its interpreters as interpreters. A guest has no rank of their own: an official is ranked as a
/// VIP by title, a guest speaker or moderator as a speaker, an interpreter after everyone.
/// </summary>
public static class SeatingAttendance
{
    public const int InterpreterRank = 9500;

    /// <summary>The session's own people come first in the order they are listed, so its first official is the default host.</summary>
    public static async Task<IReadOnlyList<SeatingPerson>> ForSessionAsync(ForumDbContext db, Session session, CancellationToken ct)
    {
        var enrolment = session.Capacity is not null && session.Type != SessionType.Banquet;
        var approved = db.Delegates.AsNoTracking().Where(d => d.ForumId == session.ForumId && d.Status == RegistrationStatus.Approved);
        var sessionId = session.Id;
        var roles = await db.SessionPeople.AsNoTracking().Where(p => p.SessionId == sessionId).Include(p => p.Guest)
            .OrderBy(p => p.Role).ThenBy(p => p.Position).ToListAsync(ct);
        var onStage = roles.Where(p => p.DelegateId is not null).Select(p => p.DelegateId!.Value).ToHashSet();
        var interpreting = roles.Where(p => p.Role == SessionRole.Interpreter && p.DelegateId is not null).Select(p => p.DelegateId!.Value).ToHashSet();
        var audience = session.Type == SessionType.BilateralMeeting ? approved.Where(d => onStage.Contains(d.Id))
            : enrolment
            ? approved.Where(d => db.Enrolments.Any(e => e.SessionId == sessionId && e.DelegateId == d.Id && e.Status == EnrolmentStatus.Enrolled) || onStage.Contains(d.Id))
            : approved.Where(d => d.Category != DelegateCategory.Staff || onStage.Contains(d.Id));
        var delegates = await audience
            .Select(d => new
            {
                d.Id, d.FamilyName, d.GivenName, d.NativeName, d.NativeNameLanguage, d.Position, d.PrecedenceRank, d.DelegationId, d.Category,
                d.AccompaniesId, d.CompanionRole, DelegationEn = d.Delegation!.NameEn, DelegationZh = d.Delegation!.NameZh,
            })
            .ToListAsync(ct);

        var people = new List<SeatingPerson>();
        foreach (var role in roles.Where(r => r.Guest is not null).GroupBy(r => r.GuestId).Select(g => g.First()))
        {
            var guest = role.Guest!;
            var interpreter = guest.Kind == GuestKind.Interpreter || role.Role == SessionRole.Interpreter;
            var rank = interpreter ? InterpreterRank + role.Position
                : Precedence.DefaultRank(guest.Kind == GuestKind.Official ? DelegateCategory.Vip : DelegateCategory.Speaker, guest.TitleEn);
            people.Add(new SeatingPerson(new PersonKey(interpreter ? PersonKind.Interpreter : PersonKind.Guest, guest.Id), guest.NameEn, guest.NameZh,
                guest.NameZh is null ? null : "zh-Hans", guest.TitleEn, rank, null, null, null, Press: false, interpreter, null));
        }

        foreach (var d in delegates.OrderBy(d => d.PrecedenceRank).ThenBy(d => d.Id))
        {
            var interpreter = interpreting.Contains(d.Id) || d.CompanionRole == CompanionRole.Interpreter;
            people.Add(new SeatingPerson(new PersonKey(PersonKind.Delegate, d.Id), PersonName.Latin(d.FamilyName, d.GivenName), d.NativeName,
                d.NativeNameLanguage, d.Position, d.PrecedenceRank, d.DelegationId, d.DelegationId is null ? null : d.DelegationEn,
                d.DelegationId is null ? null : d.DelegationZh, d.Category == DelegateCategory.Press, interpreter,
                d.AccompaniesId is { } principal ? new PersonKey(PersonKind.Delegate, principal) : null));
        }

        return people;
    }

    /// <summary>The default host: the session's first official guest, if it has one.</summary>
    public static async Task<int?> DefaultHostGuestAsync(ForumDbContext db, int sessionId, CancellationToken ct) =>
        await db.SessionPeople.AsNoTracking()
            .Where(p => p.SessionId == sessionId && p.GuestId != null && p.Guest!.Kind == GuestKind.Official)
            .OrderBy(p => p.Role).ThenBy(p => p.Position).Select(p => p.GuestId).FirstOrDefaultAsync(ct);
}
