using System.Globalization;
using ForumManager.Core.Auditing;
using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Core.Programme;
using ForumManager.Data;
using ForumManager.Documents;
using ForumManager.Documents.Protocol;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Features.Protocol;

/// <summary>Who a speaker is for precedence: a host official, a delegate, or another guest.</summary>
public enum SpeakerKind
{
    Official = 0,
    Delegate = 1,
    Guest = 2,
}

/// <summary>
/// One speaker in order, with the time planned for them from the session's start. <see cref="Language"/> is what is
/// stored; <see cref="SuggestedLanguage"/> is what the page offers when nothing is.
/// </summary>
public sealed record Speaker(
    int Id, int Position, SpeakerKind Kind, int? Rank, ProtocolPerson Person, int? Minutes, string? Language, string SuggestedLanguage, DateTime StartUtc, DateTime EndUtc);

/// <summary>A forum's speakers in order, its moderators, and whether the speeches fit the session.</summary>
public sealed record SpeakingPlan(Session Session, IReadOnlyList<Speaker> Speakers, IReadOnlyList<ProtocolPerson> Moderators, IReadOnlyList<string> Languages)
{
    public int TotalMinutes => Speakers.Sum(s => s.Minutes ?? 0);
    public int SessionMinutes => (int)Math.Round(Session.Duration.TotalMinutes);
    public bool Overruns => TotalMinutes > SessionMinutes;
    public int WithoutMinutes => Speakers.Count(s => s.Minutes is null);
}

/// <summary>A forum on the speakers' list: its speakers, their minutes against the session's length.</summary>
public sealed record SpeakingForum(int SessionId, string TitleEn, string TitleZh, SessionType Type, DateTime StartUtc, int Speakers, int TotalMinutes, int SessionMinutes, int WithoutMinutes)
{
    public bool Overruns => TotalMinutes > SessionMinutes;
}

/// <summary>A speaker's minutes and language as the organizer typed them.</summary>
public sealed class SpeakerInput
{
    public int Id { get; set; }
    public int? Minutes { get; set; }
    public string? Language { get; set; }
}

/// <summary>
/// The order of speakers at the theme forum and the special-topic forums: drawn from precedence (host officials first as
/// they stand, then delegates by precedence rank, then other guests), moved by hand, each with minutes and the language
/// they speak; the run-of-show for the moderator and the booth. Every change is audited.
/// </summary>
public sealed class SpeakingOrder(ForumDbContext db, TimeProvider clock, DocumentHealth health, IStringLocalizer<SharedResource> text)
{
    public const int MinMinutes = 1;
    public const int MaxMinutes = 240;

    public static bool IsForum(SessionType type) => type is SessionType.ThemeForum or SessionType.SpecialTopicForum;

    public async Task<IReadOnlyList<SpeakingForum>> ForumsAsync(Forum forum, CancellationToken ct)
    {
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.ForumId == forum.Id && (s.Type == SessionType.ThemeForum || s.Type == SessionType.SpecialTopicForum))
            .OrderBy(s => s.StartUtc).ThenBy(s => s.Id)
            .Select(s => new
            {
                s.Id, s.TitleEn, s.TitleZh, s.Type, s.StartUtc, s.EndUtc,
                Minutes = s.People.Where(p => p.Role == SessionRole.Speaker).Select(p => p.SpeakingMinutes).ToList(),
            })
            .ToListAsync(ct);
        return sessions.Select(s => new SpeakingForum(
            s.Id, s.TitleEn, s.TitleZh, s.Type, s.StartUtc, s.Minutes.Count, s.Minutes.Sum(m => m ?? 0),
            (int)Math.Round((s.EndUtc - s.StartUtc).TotalMinutes), s.Minutes.Count(m => m is null))).ToList();
    }

    /// <summary>The forum's speakers in order with their planned times; null when the session is not a forum of this edition.</summary>
    public async Task<SpeakingPlan?> PlanAsync(Forum forum, int sessionId, CancellationToken ct)
    {
        var session = await db.Sessions.AsNoTracking().Include(s => s.Room)
            .Include(s => s.People).ThenInclude(p => p.Guest)
            .FirstOrDefaultAsync(s => s.Id == sessionId && s.ForumId == forum.Id, ct);
        if (session is null || !IsForum(session.Type))
        {
            return null;
        }

        var people = session.People.Where(p => p.Role is SessionRole.Speaker or SessionRole.Moderator).ToList();
        var delegateIds = people.Where(p => p.DelegateId is not null).Select(p => p.DelegateId!.Value).Distinct().ToList();
        var delegates = await ProtocolPeople.DelegatesAsync(db, forum.Id, delegateIds, ct);
        var facts = await db.Delegates.AsNoTracking().Where(d => d.ForumId == forum.Id && delegateIds.Contains(d.Id))
            .Select(d => new { d.Id, d.PrecedenceRank, d.PreferredLanguage, d.InterpretationLanguage }).ToDictionaryAsync(d => d.Id, ct);

        var languages = Languages(session);
        var start = session.StartUtc;
        var speakers = new List<Speaker>();
        foreach (var p in people.Where(p => p.Role == SessionRole.Speaker).OrderBy(p => p.Position).ThenBy(p => p.Id))
        {
            var person = p.DelegateId is { } d ? delegates.GetValueOrDefault(d) : p.Guest is { } g ? ProtocolPeople.Guest(g) : null;
            if (person is null)
            {
                continue;
            }

            var fact = p.DelegateId is { } id ? facts.GetValueOrDefault(id) : null;
            var kind = fact is not null ? SpeakerKind.Delegate : p.Guest?.Kind == GuestKind.Official ? SpeakerKind.Official : SpeakerKind.Guest;
            var suggested = Suggest(kind, fact?.InterpretationLanguage, fact?.PreferredLanguage, languages);
            var end = start.AddMinutes(p.SpeakingMinutes ?? 0);
            speakers.Add(new Speaker(p.Id, p.Position, kind, fact?.PrecedenceRank, person, p.SpeakingMinutes, p.SpeakingLanguage, suggested, start, end));
            start = end;
        }

        var moderators = people.Where(p => p.Role == SessionRole.Moderator).OrderBy(p => p.Position)
            .Select(p => p.DelegateId is { } d ? delegates.GetValueOrDefault(d) : p.Guest is { } g ? ProtocolPeople.Guest(g) : null)
            .OfType<ProtocolPerson>().ToList();
        return new SpeakingPlan(session, speakers, moderators, languages);
    }

    /// <summary>The languages a speaker may be given: the session's own, then those the forum interprets.</summary>
    public static IReadOnlyList<string> Languages(Session session) =>
        session.Languages.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(DelegateChoices.InterpretationLanguages).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// The language a speaker is likely to speak when none is set: a host official Chinese; a delegate the language they
    /// asked to hear (their own, as a rule), else Chinese for one who reads the forum in Chinese and English for the rest;
    /// another guest the session's first language.
    /// </summary>
    public static string Suggest(SpeakerKind kind, string? interpretationLanguage, string? preferredLanguage, IReadOnlyList<string> languages)
    {
        var guess = kind switch
        {
            SpeakerKind.Official => "zh",
            SpeakerKind.Delegate when !string.IsNullOrWhiteSpace(interpretationLanguage) => interpretationLanguage.Trim(),
            SpeakerKind.Delegate => preferredLanguage?.StartsWith("zh", StringComparison.Ordinal) == true ? "zh" : "en",
            _ => languages.Count > 0 ? languages[0] : "zh",
        };
        return languages.Contains(guess) ? guess : languages.Count > 0 ? languages[0] : guess;
    }

    /// <summary>Orders the speakers by precedence: host officials first as they stand, then delegates by rank, then the other guests.</summary>
    public async Task<bool> OrderByPrecedenceAsync(Forum forum, int sessionId, Actor actor, CancellationToken ct)
    {
        var plan = await PlanAsync(forum, sessionId, ct);
        if (plan is null)
        {
            return false;
        }

        var ordered = plan.Speakers
            .OrderBy(s => s.Kind)
            .ThenBy(s => s.Kind == SpeakerKind.Delegate ? s.Rank ?? int.MaxValue : 0)
            .ThenBy(s => s.Position).ThenBy(s => s.Id)
            .ToList();
        await RenumberAsync(forum, plan, ordered, actor, "speakers-ordered-by-precedence", ct);
        return true;
    }

    /// <summary>Moves one speaker a place up (<paramref name="up"/>) or down; the first cannot go up nor the last down.</summary>
    public async Task<bool> MoveAsync(Forum forum, int sessionId, int speakerId, bool up, Actor actor, CancellationToken ct)
    {
        var plan = await PlanAsync(forum, sessionId, ct);
        var index = plan?.Speakers.ToList().FindIndex(s => s.Id == speakerId) ?? -1;
        var other = up ? index - 1 : index + 1;
        if (plan is null || index < 0 || other < 0 || other >= plan.Speakers.Count)
        {
            return false;
        }

        var ordered = plan.Speakers.ToList();
        (ordered[index], ordered[other]) = (ordered[other], ordered[index]);
        await RenumberAsync(forum, plan, ordered, actor, up ? "speaker-moved-up" : "speaker-moved-down", ct);
        return true;
    }

    private async Task RenumberAsync(Forum forum, SpeakingPlan plan, List<Speaker> ordered, Actor actor, string action, CancellationToken ct)
    {
        var ids = ordered.Select(s => s.Id).ToList();
        var rows = await db.SessionPeople.Where(p => p.SessionId == plan.Session.Id && ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        for (var i = 0; i < ordered.Count; i++)
        {
            if (rows.TryGetValue(ordered[i].Id, out var row))
            {
                row.Position = i;
            }
        }

        db.AuditEntries.Add(actor.Audit(forum.Id, clock.GetUtcNow().UtcDateTime, nameof(Session), plan.Session.Id, action,
            before: Names(plan.Speakers), after: Names(ordered)));
        await db.SaveChangesAsync(ct);
    }

    private static string Names(IEnumerable<Speaker> speakers) => string.Join("; ", speakers.Select(s => s.Person.LatinName));

    /// <summary>
    /// Saves each speaker's minutes (1–240, or none yet) and language (one the session or the forum's interpreters offer).
    /// Nothing is saved when any is wrong; each error is under <c>Speakers[i].Minutes</c> or <c>Speakers[i].Language</c>.
    /// </summary>
    public async Task<bool> SaveAsync(Forum forum, int sessionId, IReadOnlyList<SpeakerInput> inputs, Actor actor, FieldErrors errors, CancellationToken ct)
    {
        var session = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId && s.ForumId == forum.Id, ct);
        if (session is null || !IsForum(session.Type))
        {
            return false;
        }

        var languages = Languages(session);
        var rows = await db.SessionPeople.Where(p => p.SessionId == sessionId && p.Role == SessionRole.Speaker).ToDictionaryAsync(p => p.Id, ct);
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            if (!rows.ContainsKey(input.Id))
            {
                errors.Add($"Speakers[{i}].Minutes", text["Speakers_Gone"]);
                continue;
            }

            if (input.Minutes is { } minutes && (minutes < MinMinutes || minutes > MaxMinutes))
            {
                errors.Add($"Speakers[{i}].Minutes", text["Validation_Range", text["Speakers_Minutes"], MinMinutes, MaxMinutes]);
            }

            var language = string.IsNullOrWhiteSpace(input.Language) ? null : input.Language.Trim();
            if (language is not null && !languages.Contains(language))
            {
                errors.Add($"Speakers[{i}].Language", text["Validation_Choose"]);
            }
        }

        if (!errors.IsEmpty)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var input in inputs)
        {
            var row = rows[input.Id];
            var language = string.IsNullOrWhiteSpace(input.Language) ? null : input.Language.Trim();
            if (row.SpeakingMinutes == input.Minutes && row.SpeakingLanguage == language)
            {
                continue;
            }

            db.AuditEntries.Add(actor.Audit(forum.Id, now, nameof(SessionPerson), row.Id, "speaker-time",
                before: Describe(row.SpeakingMinutes, row.SpeakingLanguage), after: Describe(input.Minutes, language)));
            row.SpeakingMinutes = input.Minutes;
            row.SpeakingLanguage = language;
        }

        await db.SaveChangesAsync(ct);
        return true;
    }

    private static string Describe(int? minutes, string? language) =>
        $"{(minutes is { } m ? m.ToString(CultureInfo.InvariantCulture) + " min" : "no time")}, {language ?? "no language"}";

    /// <summary>The run-of-show PDF: times from the session's start, each speaker's language and what the booth interprets it into.</summary>
    public async Task<(PdfResult Pdf, string FileName)?> RunOfShowAsync(Forum forum, int sessionId, CancellationToken ct)
    {
        var plan = await PlanAsync(forum, sessionId, ct);
        if (plan is null)
        {
            return null;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(forum.TimeZoneId);
        string Local(DateTime utc) => ForumTime.ToLocal(utc, zone).ToString("HH:mm", CultureInfo.InvariantCulture);
        var pairs = (plan.Session.InterpretationLanguages ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('-', StringSplitOptions.TrimEntries)).Where(p => p.Length == 2).ToList();
        var lines = plan.Speakers.Select(s =>
        {
            var spoken = s.Language ?? s.SuggestedLanguage;
            var into = pairs.SelectMany(p => p[0] == spoken ? [p[1]] : p[1] == spoken ? new[] { p[0] } : []).Distinct().ToList();
            return new RunOfShowLine(
                s.Minutes is null ? Local(s.StartUtc) : $"{Local(s.StartUtc)}–{Local(s.EndUtc)}",
                s.Person,
                ProtocolPeople.LanguageBoth(spoken) + (s.Language is null ? " (suggested 建议)" : string.Empty),
                into.Count == 0 ? "— (no booth 无口译)" : string.Join(", ", into.Select(ProtocolPeople.LanguageBoth)),
                s.Minutes?.ToString(CultureInfo.InvariantCulture) ?? "—");
        }).ToList();

        var total = $"Speeches 发言: {plan.TotalMinutes} min 分钟 / session 会议 {plan.SessionMinutes} min 分钟 ({Local(plan.Session.StartUtc)}–{Local(plan.Session.EndUtc)})";
        string? warning = null;
        if (plan.Overruns)
        {
            warning = $"Overrun 超时: the speeches run {plan.TotalMinutes - plan.SessionMinutes} min past the session's end · 发言超出会议结束时间 {plan.TotalMinutes - plan.SessionMinutes} 分钟";
        }
        else if (plan.WithoutMinutes > 0)
        {
            warning = $"{plan.WithoutMinutes} speaker(s) without a time yet · {plan.WithoutMinutes} 位发言人尚未定时";
        }

        var moderators = plan.Moderators.Count == 0 ? "—" : string.Join("; ", plan.Moderators.Select(m => m.OwnScript is { } own ? $"{m.LatinName} {own}" : m.LatinName));
        var show = new RunOfShow(ProtocolPeople.Heading(forum, plan.Session, plan.Session.Room), moderators, total, warning, lines);
        var pdf = RunOfShowDocument.Render(show);
        health.Record(pdf.Missing);
        return (pdf, $"{forum.Acronym}-{SeatingDocuments.Slug(plan.Session.TitleEn)}-run-of-show.pdf");
    }
}
