using System.Globalization;
using ForumManager.Core.Auditing;
using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Core.Programme;
using ForumManager.Core.Protocol;
using ForumManager.Data;
using ForumManager.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Features.Protocol;

/// <summary>One preferred stretch of time as typed: a forum day and two wall-clock times in the forum's zone.</summary>
public sealed class WindowInput
{
    public string? Day { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
}

/// <summary>A meeting request as typed. People are "d:12" (a delegate) or "g:5" (a guest); the partner "h:3" or "d:7".</summary>
public sealed class MeetingRequestInput
{
    public const int WindowRows = 3;

    /// <summary>The asking delegation; organizers choose it, a head's is their own.</summary>
    public int? DelegationId { get; set; }

    public string? Partner { get; set; }
    public string? Topic { get; set; }
    public List<string> People { get; set; } = [];
    public List<WindowInput> Windows { get; set; } = [.. Enumerable.Range(0, WindowRows).Select(_ => new WindowInput())];
    public int? DurationMinutes { get; set; } = 45;
    public string? LanguagePair { get; set; }
}

/// <summary>A person who may take part, with the key the form uses.</summary>
public sealed record MeetingPersonChoice(string Key, string Name, string? Title, string Group);

/// <summary>
/// Meeting requests: a delegation's head asks for their own delegation, an organizer for any (accepted at once); the
/// organizers accept or decline the others, a decline told to the delegation's head in their language.
/// </summary>
public sealed class MeetingRequests(ForumDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> text, MailQueue mail)
{
    /// <summary>Who of <paramref name="delegationId"/> may take part: its members still taking part.</summary>
    public Task<List<Delegate>> MembersAsync(int delegationId, CancellationToken ct) => db.Delegates.AsNoTracking()
        .Where(d => d.DelegationId == delegationId && d.Status != RegistrationStatus.Cancelled && d.Status != RegistrationStatus.Rejected)
        .OrderBy(d => d.PrecedenceRank).ThenBy(d => d.FamilyName).ToListAsync(ct);

    /// <summary>The people a request may name: the delegation's members and, for organizers, the partner side's people too.</summary>
    public async Task<List<MeetingPersonChoice>> ChoicesAsync(int forumId, int delegationId, bool organizer, CancellationToken ct)
    {
        var choices = (await MembersAsync(delegationId, ct)).Select(d => Choice(d, "own")).ToList();
        if (!organizer)
        {
            return choices;
        }

        var others = await db.Delegates.AsNoTracking().Where(d => d.ForumId == forumId && d.DelegationId != null && d.DelegationId != delegationId
                && d.Status != RegistrationStatus.Cancelled && d.Status != RegistrationStatus.Rejected)
            .OrderBy(d => d.DelegationId).ThenBy(d => d.PrecedenceRank).ToListAsync(ct);
        choices.AddRange(others.Select(d => Choice(d, "d:" + d.DelegationId)));
        var officials = await db.Guests.AsNoTracking().Where(g => g.ForumId == forumId && g.Kind == GuestKind.Official).OrderBy(g => g.NameEn).ToListAsync(ct);
        choices.AddRange(officials.Select(g => new MeetingPersonChoice("g:" + g.Id, g.NameZh is null ? g.NameEn : $"{g.NameEn} {g.NameZh}", g.TitleEn,
            g.HostDepartmentId is { } h ? "h:" + h : "g")));
        return choices;
    }

    private static MeetingPersonChoice Choice(Delegate d, string group) =>
        new("d:" + d.Id, d.LatinName + (d.NativeName is null ? "" : " " + d.NativeName), d.Position, group);

    /// <summary>The language pairs the forum's interpreters cover, for the form's list.</summary>
    public async Task<List<string>> PairsAsync(int forumId, CancellationToken ct)
    {
        var pairs = await db.Guests.AsNoTracking().Where(g => g.ForumId == forumId && g.Kind == GuestKind.Interpreter && g.LanguagePairs != null)
            .Select(g => g.LanguagePairs!).ToListAsync(ct);
        return pairs.SelectMany(p => HostDepartments.ParsePairs(p) ?? []).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Checks a request and saves it whole or not at all; problems go beside their fields (keys under <c>Input.</c>).
    /// A head's request waits for the organizers; an organizer's is accepted as it is made.
    /// </summary>
    public async Task<int?> RequestAsync(Forum forum, MeetingRequestInput input, bool organizer, Actor actor, string requestedBy, FieldErrors errors, CancellationToken ct)
    {
        var forumId = forum.Id;
        if (input.DelegationId is not { } delegationId || !await db.Delegations.AnyAsync(d => d.Id == delegationId && d.ForumId == forumId, ct))
        {
            errors.Add("Input.DelegationId", text["Validation_Choose"]);
            return null;
        }

        int? departmentId = null, partnerDelegationId = null;
        if (input.Partner is { Length: > 2 } partner && int.TryParse(partner.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var partnerId))
        {
            if (partner.StartsWith("h:", StringComparison.Ordinal) && await db.HostDepartments.AnyAsync(h => h.Id == partnerId && h.ForumId == forumId, ct))
            {
                departmentId = partnerId;
            }
            else if (partner.StartsWith("d:", StringComparison.Ordinal) && partnerId != delegationId
                     && await db.Delegations.AnyAsync(d => d.Id == partnerId && d.ForumId == forumId, ct))
            {
                partnerDelegationId = partnerId;
            }
        }

        if (departmentId is null && partnerDelegationId is null)
        {
            errors.Add("Input.Partner", text["Meetings_ChoosePartner"]);
        }

        var topic = (input.Topic ?? string.Empty).Trim();
        if (topic.Length == 0)
        {
            errors.Add("Input.Topic", text["Validation_Required", text["Meetings_Topic"]]);
        }
        else if (topic.Length > MeetingRules.MaxTopicLength)
        {
            errors.Add("Input.Topic", text["Validation_MaxLength", text["Meetings_Topic"], MeetingRules.MaxTopicLength]);
        }
        else if (topic.IndexOfAny(['<', '>']) >= 0)
        {
            errors.Add("Input.Topic", text["Validation_NoMarkup"]);
        }

        var duration = input.DurationMinutes ?? 0;
        if (duration < MeetingRules.MinDuration || duration > MeetingRules.MaxDuration)
        {
            errors.Add("Input.DurationMinutes", text["Validation_Range", text["Meetings_Duration"], MeetingRules.MinDuration, MeetingRules.MaxDuration]);
        }

        var pair = string.IsNullOrWhiteSpace(input.LanguagePair) ? null : MeetingPlanner.NormalizePair(input.LanguagePair);
        if (pair is not null && !(await PairsAsync(forumId, ct)).Contains(pair))
        {
            errors.Add("Input.LanguagePair", text["Validation_Choose"]);
        }

        var allowed = (await ChoicesAsync(forumId, delegationId, organizer, ct)).Select(c => c.Key).ToHashSet();
        var people = input.People.Where(p => !string.IsNullOrEmpty(p)).Distinct().ToList();
        if (people.Count == 0)
        {
            errors.Add("Input.People", text["Meetings_ChoosePeople"]);
        }
        else if (people.Count > MeetingRules.MaxParticipants)
        {
            errors.Add("Input.People", text["Meetings_TooManyPeople", MeetingRules.MaxParticipants]);
        }
        else if (!people.All(allowed.Contains))
        {
            errors.Add("Input.People", text["Validation_Choose"]);
        }

        var windows = Windows(forum, input.Windows, Math.Max(duration, MeetingRules.MinDuration), errors);
        if (!errors.IsEmpty)
        {
            return null;
        }

        // A request that names nobody of the other side (a head cannot) brings that side's own people, so the planner
        // keeps to their calendars too: a department's officials, or the other delegation's best-ranked member.
        var partnerSide = await PartnerSideAsync(forumId, departmentId, partnerDelegationId, ct);
        if (!people.Any(partnerSide.Contains))
        {
            people.AddRange(partnerSide.Take(Math.Max(0, MeetingRules.MaxParticipants - people.Count)));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var meeting = new Meeting
        {
            ForumId = forumId, DelegationId = delegationId, HostDepartmentId = departmentId, PartnerDelegationId = partnerDelegationId,
            Topic = topic, LanguagePair = pair, DurationMinutes = duration,
            Status = organizer ? MeetingStatus.Accepted : MeetingStatus.Requested,
            RequestedBy = requestedBy, RequestedUtc = now, UpdatedUtc = now,
            Participants = [.. people.Select(p => p.StartsWith("d:", StringComparison.Ordinal)
                ? new MeetingParticipant { DelegateId = int.Parse(p.AsSpan(2), CultureInfo.InvariantCulture) }
                : new MeetingParticipant { GuestId = int.Parse(p.AsSpan(2), CultureInfo.InvariantCulture) })],
            Preferences = [.. windows.Select(w => new MeetingPreference { FromUtc = w.FromUtc, ToUtc = w.ToUtc })],
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        db.AuditEntries.Add(actor.Audit(forumId, now, nameof(Meeting), meeting.Id, organizer ? "requested-accepted" : "requested",
            after: $"{topic}; {input.Partner}; {string.Join(',', people)}; {duration} min; {pair}"));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return meeting.Id;
    }

    /// <summary>The other side's people as the form names them: a department's officials, or the other delegation's head first.</summary>
    private async Task<List<string>> PartnerSideAsync(int forumId, int? departmentId, int? partnerDelegationId, CancellationToken ct)
    {
        if (departmentId is { } department)
        {
            return await db.Guests.AsNoTracking().Where(g => g.ForumId == forumId && g.HostDepartmentId == department && g.Kind == GuestKind.Official)
                .OrderBy(g => g.Id).Select(g => "g:" + g.Id).ToListAsync(ct);
        }

        var head = await db.Delegates.AsNoTracking()
            .Where(d => d.DelegationId == partnerDelegationId && d.Status != RegistrationStatus.Cancelled && d.Status != RegistrationStatus.Rejected)
            .OrderBy(d => d.PrecedenceRank).ThenBy(d => d.Id).Select(d => "d:" + d.Id).FirstOrDefaultAsync(ct);
        return head is null ? [] : [head];
    }

    /// <summary>The preferred windows typed, in UTC; blank rows are skipped, a half-filled or wrong row is named.</summary>
    private List<TimeWindow> Windows(Forum forum, IReadOnlyList<WindowInput> rows, int duration, FieldErrors errors)
    {
        var zone = forum.TimeZone;
        var windows = new List<TimeWindow>();
        for (var i = 0; i < Math.Min(rows.Count, MeetingRules.MaxPreferences); i++)
        {
            var row = rows[i];
            if (string.IsNullOrWhiteSpace(row.Day) && string.IsNullOrWhiteSpace(row.From) && string.IsNullOrWhiteSpace(row.To))
            {
                continue;
            }

            var field = $"Input.Windows[{i}]";
            if (!DateOnly.TryParseExact(row.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                || day < forum.StartDate || day > forum.EndDate)
            {
                errors.Add(field, text["Meetings_WindowDay"]);
                continue;
            }

            if (!TimeOnly.TryParseExact(row.From?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
                || !TimeOnly.TryParseExact(row.To?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var to)
                || !ForumTime.Exists(day, from, zone) || !ForumTime.Exists(day, to, zone))
            {
                errors.Add(field, text["Meetings_WindowTimes"]);
                continue;
            }

            if ((to - from).TotalMinutes < duration || to <= from)
            {
                errors.Add(field, text["Meetings_WindowShort", duration]);
                continue;
            }

            windows.Add(new TimeWindow(ForumTime.ToUtc(day, from, zone), ForumTime.ToUtc(day, to, zone)));
        }

        if (windows.Count == 0 && errors.All.All(e => !e.Field.StartsWith("Input.Windows", StringComparison.Ordinal)))
        {
            errors.Add("Input.Windows[0]", text["Meetings_WindowNeeded"]);
        }

        return windows;
    }

    /// <summary>Accepts a request still waiting; false when it was decided meanwhile.</summary>
    public async Task<bool> AcceptAsync(int forumId, int meetingId, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.Meetings.Where(m => m.Id == meetingId && m.ForumId == forumId && m.Status == MeetingStatus.Requested)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MeetingStatus.Accepted).SetProperty(m => m.UpdatedUtc, now), ct) == 0)
        {
            return false;
        }

        db.AuditEntries.Add(actor.Audit(forumId, now, nameof(Meeting), meetingId, "accepted"));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>Declines a waiting request with a reason, which the delegation's head is told in their language.</summary>
    public async Task<bool> DeclineAsync(Forum forum, int meetingId, string? reason, Actor actor, FieldErrors errors, CancellationToken ct)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            errors.Add("Reason", text["Validation_Required", text["Meetings_Reason"]]);
        }
        else if (reason.Length > MeetingRules.MaxReasonLength)
        {
            errors.Add("Reason", text["Validation_MaxLength", text["Meetings_Reason"], MeetingRules.MaxReasonLength]);
        }

        if (!errors.IsEmpty)
        {
            return false;
        }

        var forumId = forum.Id;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.Meetings.Where(m => m.Id == meetingId && m.ForumId == forumId && (m.Status == MeetingStatus.Requested || m.Status == MeetingStatus.Accepted))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MeetingStatus.Declined).SetProperty(m => m.DeclineReason, reason)
                    .SetProperty(m => m.UpdatedUtc, now), ct) == 0)
        {
            errors.Add("Reason", text["Meetings_AlreadyDecided"]);
            return false;
        }

        var meeting = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meetingId, ct);
        var head = await db.Delegates.AsNoTracking().Where(d => d.DelegationId == meeting.DelegationId && d.Category == DelegateCategory.HeadOfDelegation)
            .OrderBy(d => d.PrecedenceRank).FirstOrDefaultAsync(ct);
        if (head is not null)
        {
            var language = head.PreferredLanguage;
            var subject = SharedResource.Get("Meetings_DeclinedSubject", language, forum.Name(language == "zh-Hans"));
            var body = SharedResource.Get("Meetings_DeclinedBody", language, meeting.Topic, reason!);
            mail.Add(new MailDraft(head.Email, $"{head.GivenName} {head.FamilyName}", subject, body, null, "meeting-declined")
            {
                FromName = forum.Name(language == "zh-Hans"),
            });
        }

        db.AuditEntries.Add(actor.Audit(forumId, now, nameof(Meeting), meetingId, "declined", after: reason));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        mail.NotifySaved();
        return true;
    }
}
