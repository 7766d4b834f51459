using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ForumManager.Core.Auditing;
using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Core.Notices;
using ForumManager.Core.Programme;
using ForumManager.Core.Registration;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Agenda;
using ForumManager.Features.Forums;
using ForumManager.Features.Letters;
using ForumManager.Features.Logistics;
using ForumManager.Features.Programme;
using ForumManager.Mail;
using Microsoft.EntityFrameworkCore;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Features.Notices;

/// <summary>What a notice is about beyond the delegate: a session that changed, a confirmation link.</summary>
public sealed record NoticeExtras(string? SessionTitleEn = null, string? SessionTitleZh = null, DateTime? SessionStartUtc = null,
    string? SessionRoomEn = null, string? SessionRoomZh = null, string? ConfirmLink = null)
{
    /// <summary>The session was taken off the programme rather than changed.</summary>
    public bool SessionRemoved { get; init; }

    public static NoticeExtras None { get; } = new();
}

/// <summary>Wording that replaces the kind's templates: a free-form notice's subject and body in each language.</summary>
public sealed record NoticeWording(string SubjectEn, string BodyEn, string SubjectZh, string BodyZh);

/// <summary>Which files go with a notice.</summary>
public sealed record NoticeAttachments(bool Agenda, bool VisaLetter, bool QrCode)
{
    public static NoticeAttachments None { get; } = new(false, false, false);
}

/// <summary>
/// Renders notices: the organizers' template for the kind and language (or the built-in one), filled for one
/// delegate, as plain text and the same text as simple HTML, with the files asked for. The preview and the sending
/// both come through here, so what organizers see is what is sent. Templates are filled in by
/// <see cref="NoticeSandbox"/>; when an organizers' template fails for a message, the failure is recorded on the
/// template for the notices page, logged, and the built-in wording goes instead (or, when the caller asks, the
/// failure is thrown, as for a notice to many). The renderer is scoped, so it lives as long as one operation (a
/// request: an import, a decision on many registrations, a release), which makes its notices inside the
/// transaction that holds the database's write lock: organizers' templates may take
/// <see cref="NoticeSandbox.MaxOperationSeconds"/> in all over the operation's messages, and the rest go with the
/// built-in wording, so that no template keeps everyone else waiting.
/// </summary>
public sealed partial class NoticeRenderer(ForumDbContext db, ReleasedAgendas releases, PublicLinks links, VisaLetters letters, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<MailOptions> mail, ILogger<NoticeRenderer> logger)
{
    private sealed record Stored(int? Id, string Subject, string Body);

    /// <summary>Templates already read by this renderer: a batch renders many notices of one kind with one scope.</summary>
    private readonly Dictionary<(int, NoticeKind, string), Stored> templates = [];

    /// <summary>Templates whose failure this renderer has logged: a batch logs a broken template once, not once per recipient.</summary>
    private readonly HashSet<int> logged = [];

    /// <summary>The time organizers' templates have taken so far in this operation.</summary>
    private TimeSpan spent;

    /// <summary>
    /// Whether organizers' templates share <see cref="NoticeSandbox.MaxOperationSeconds"/> over the messages this
    /// renderer makes (the default), or each has only its own limit: for a notice to many, filled in before its
    /// transaction begins and in the background, where a slow template keeps nobody waiting.
    /// </summary>
    public bool LimitPerOperation { get; set; } = true;

    public async Task<(string Subject, string Body)> TemplateAsync(int forumId, NoticeKind kind, string language, CancellationToken ct)
    {
        var stored = await StoredAsync(forumId, kind, language, ct);
        return (stored.Subject, stored.Body);
    }

    private async Task<Stored> StoredAsync(int forumId, NoticeKind kind, string language, CancellationToken ct)
    {
        if (templates.TryGetValue((forumId, kind, language), out var known))
        {
            return known;
        }

        var stored = await db.NoticeTemplates.AsNoTracking()
            .Where(t => t.ForumId == forumId && t.Kind == kind && t.Language == language)
            .Select(t => new Stored(t.Id, t.Subject, t.Body)).FirstOrDefaultAsync(ct);
        if (stored is null)
        {
            var (subject, body) = NoticeDefaults.For(kind, language);
            stored = new Stored(null, subject, body);
        }

        return templates[(forumId, kind, language)] = stored;
    }

    /// <param name="builtInOnFailure">
    /// When the organizers' template for the kind fails, send the built-in wording (true: a registration, a decision
    /// or a release must never fail for a template) or throw <see cref="NoticeTemplateException"/> (false). Wording
    /// given in <paramref name="wording"/> has nothing to fall back on: its failure is always thrown.
    /// </param>
    public async Task<MailDraft> RenderAsync(Forum forum, Delegate person, NoticeKind kind, NoticeExtras extras, CancellationToken ct,
        NoticeWording? wording = null, NoticeAttachments? attachments = null, bool builtInOnFailure = true)
    {
        var languages = forum.NoticesInBothLanguages ? new[] { "zh-Hans", "en" } : [person.PreferredLanguage == "zh-Hans" ? "zh-Hans" : "en"];
        var sources = new List<(string Language, Stored Source)>();
        foreach (var language in languages)
        {
            sources.Add((language, wording is null
                ? await StoredAsync(forum.Id, kind, language, ct)
                : language == "zh-Hans" ? new Stored(null, wording.SubjectZh, wording.BodyZh) : new Stored(null, wording.SubjectEn, wording.BodyEn)));
        }

        var data = new ModelData(this, forum, person, extras);
        var parts = new List<(string Language, string Subject, string Body)>();
        foreach (var (language, source) in sources)
        {
            try
            {
                var (subject, body) = await FillAsync(source, data, language, organizers: wording is null && source.Id is not null, ct);
                parts.Add((language, subject, body));
            }
            catch (NoticeTemplateException e) when (wording is null && source.Id is { } templateId)
            {
                await RecordFailureAsync(templateId, e, ct);
                if (logged.Add(templateId))
                {
                    LogTemplateFailed(logger, kind, language, forum.Id, person.Id, e.Code, builtInOnFailure);
                }

                if (!builtInOnFailure)
                {
                    throw;
                }

                var (builtInSubject, builtInBody) = NoticeDefaults.For(kind, language);
                var (subject, body) = await FillAsync(new Stored(null, builtInSubject, builtInBody), data, language, organizers: false, ct);
                parts.Add((language, subject, body));
            }
        }

        var text = string.Join("\n\n——————\n\n", parts.Select(p => p.Body));
        var html = Html(parts);
        var files = attachments is null ? [] : await AttachmentsAsync(forum, person, attachments, attachments.Agenda ? await data.SessionsAsync(ct) : [], ct);
        var chineseFirst = languages[0] == "zh-Hans";
        return new MailDraft(person.Email, string.IsNullOrWhiteSpace(person.NativeName) ? $"{person.GivenName} {person.FamilyName}" : person.NativeName,
            string.Join(" / ", parts.Select(p => p.Subject)), text, html, Purpose(kind))
        {
            Attachments = files,
            FromName = chineseFirst ? forum.NameZh : forum.NameEn,
        };
    }

    /// <summary>What the outbox records the message as, so organizers (and tests) can tell notices apart.</summary>
    public static string Purpose(NoticeKind kind) => kind switch
    {
        NoticeKind.RegistrationReceived => "registration.received",
        NoticeKind.Approved or NoticeKind.Waitlisted or NoticeKind.Rejected or NoticeKind.Cancelled or NoticeKind.Promoted
            => "registration." + kind.ToString().ToLowerInvariant(),
        NoticeKind.ProgrammeChange => "programme.change",
        NoticeKind.EmailConfirmation => "account.confirm-email",
        _ => "notice." + kind.ToString().ToLowerInvariant(),
    };

    /// <summary>The subject and body filled in for one language; a failure says which of the two it was.</summary>
    /// <param name="organizers">The wording is the organizers' stored template, whose time counts towards the operation's.</param>
    private async Task<(string Subject, string Body)> FillAsync(Stored source, ModelData data, string language, bool organizers, CancellationToken ct)
    {
        var model = await data.ForAsync(source.Subject + source.Body, language == "zh-Hans", ct);
        string subject, body;
        try
        {
            subject = (await SandboxAsync(source.Subject, model, organizers, ct)).ReplaceLineEndings(" ").Trim();
        }
        catch (NoticeTemplateException e)
        {
            throw e.In("subject", language);
        }

        try
        {
            body = (await SandboxAsync(source.Body, model, organizers, ct)).Trim();
        }
        catch (NoticeTemplateException e)
        {
            throw e.In("body", language);
        }

        return (subject, body);
    }

    /// <summary>Fills in one text; an organizers' template gets what is left of the operation's time, and what it takes is counted.</summary>
    private async Task<string> SandboxAsync(string text, Dictionary<string, object?> model, bool organizers, CancellationToken ct)
    {
        if (!organizers || !LimitPerOperation)
        {
            return await NoticeSandbox.RenderAsync(text, model, ct);
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            return await NoticeSandbox.RenderAsync(text, model, ct, TimeSpan.FromSeconds(NoticeSandbox.MaxOperationSeconds) - spent);
        }
        finally
        {
            spent += Stopwatch.GetElapsedTime(started);
        }
    }

    /// <summary>Counts a message the template failed for, and keeps the latest reason, for the notices page.</summary>
    private async Task RecordFailureAsync(int templateId, NoticeTemplateException failure, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var code = failure.Code.Length > 1000 ? failure.Code[..1000] : failure.Code;
        await db.NoticeTemplates.Where(t => t.Id == templateId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Failures, t => t.Failures + 1).SetProperty(t => t.FailedUtc, now).SetProperty(t => t.Failure, code), ct);
    }

    /// <summary>What a template can show about one delegate; the agenda and the travel are read once, and only for wording that names them.</summary>
    private sealed class ModelData(NoticeRenderer renderer, Forum forum, Delegate person, NoticeExtras extras)
    {
        private List<AgendaSession>? sessions;
        private TravelSummary? travel;
        private bool travelRead;
        private (string NameEn, string NameZh)? delegation;

        public async Task<List<AgendaSession>> SessionsAsync(CancellationToken ct) => sessions ??= await renderer.SessionsAsync(forum, person.Id, ct);

        public async Task<Dictionary<string, object?>> ForAsync(string wording, bool chinese, CancellationToken ct)
        {
            delegation ??= await renderer.DelegationAsync(person, ct);
            var agenda = wording.Contains("agenda", StringComparison.Ordinal) ? await SessionsAsync(ct) : sessions ?? [];
            if (!travelRead && wording.Contains("travel", StringComparison.Ordinal))
            {
                travel = await renderer.TravelAsync(person.Id, ct);
                travelRead = true;
            }

            var model = renderer.Model(forum, person, delegation.Value, extras, agenda, chinese);
            model["travel"] = Travel(travel, forum, chinese);
            return model;
        }
    }

    private async Task<(string NameEn, string NameZh)> DelegationAsync(Delegate person, CancellationToken ct) =>
        person.Delegation is { } known ? (known.NameEn, known.NameZh)
            : person.DelegationId is { } delegationId
                ? await db.Delegations.AsNoTracking().Where(d => d.Id == delegationId).Select(d => new ValueTuple<string, string>(d.NameEn, d.NameZh)).FirstOrDefaultAsync(ct)
                : default;

    private Task<TravelSummary?> TravelAsync(int delegateId, CancellationToken ct) => TravelSummaries.ForAsync(db, delegateId, ct);

    /// <summary>The room and pickup, each empty until the organizers have given it, so a template can test it with <c>!= blank</c>.</summary>
    private static Dictionary<string, object?> Travel(TravelSummary? t, Forum forum, bool chinese)
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

    private Dictionary<string, object?> Model(Forum forum, Delegate person, (string NameEn, string NameZh) delegation, NoticeExtras extras, List<AgendaSession> sessions, bool chinese)
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
            },
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
    private async Task<List<AgendaSession>> SessionsAsync(Forum forum, int delegateId, CancellationToken ct)
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

    private async Task<List<MailAttachment>> AttachmentsAsync(Forum forum, Delegate person, NoticeAttachments wanted, List<AgendaSession> sessions, CancellationToken ct)
    {
        var files = new List<MailAttachment>();
        var chinese = person.PreferredLanguage == "zh-Hans";
        if (wanted.Agenda)
        {
            var ics = ScheduleExports.Ics(forum, sessions, links.To(string.Empty).TrimEnd('/'), $"{forum.Name(chinese)} · {person.GivenName} {person.FamilyName}", chinese, clock.GetUtcNow().UtcDateTime,
                CalendarOrganizer.For(forum, mail.Value, chinese));
            files.Add(new MailAttachment("my-agenda.ics", "text/calendar; charset=utf-8; method=PUBLISH", Encoding.UTF8.GetBytes(ics)));
        }

        if (wanted.VisaLetter && person.Status == RegistrationStatus.Approved && person.PassportNumberProtected is not null)
        {
            var pdf = await letters.IssueAsync(forum, [person.Id], Actor.System, ct);
            if (pdf is not null)
            {
                files.Add(new MailAttachment($"visa-letter-{VisaLetters.Reference(person)}.pdf", "application/pdf", pdf.Pdf));
            }
        }

        if (wanted.QrCode && person.Status == RegistrationStatus.Approved)
        {
            files.Add(new MailAttachment("check-in-code.png", "image/png", Documents.QrCodeImage.Png(person.CheckInToken, 8)));
        }

        return files;
    }

    /// <summary>The text as HTML: escaped, paragraphs and line breaks kept, web addresses made links; nothing external.</summary>
    private static string Html(IEnumerable<(string Language, string Subject, string Body)> parts)
    {
        var html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body style=\"font-family:sans-serif;line-height:1.5;color:#111\">");
        var first = true;
        foreach (var (language, _, body) in parts)
        {
            if (!first)
            {
                html.Append("<hr>");
            }

            first = false;
            html.Append(CultureInfo.InvariantCulture, $"<div lang=\"{language}\">");
            foreach (var paragraph in body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
            {
                var encoded = WebUtility.HtmlEncode(paragraph);
                encoded = Url().Replace(encoded, m => $"<a href=\"{m.Value}\">{m.Value}</a>");
                html.Append("<p>").Append(encoded.Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>");
            }

            html.Append("</div>");
        }

        return html.Append("</body></html>").ToString();
    }

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex Url();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The organizers' {Kind} template in {Language} of forum {ForumId} failed for delegate {DelegateId} ({Reason}); the built-in wording went instead: {BuiltInSent}.")]
    private static partial void LogTemplateFailed(ILogger logger, NoticeKind kind, string language, int forumId, int delegateId, string reason, bool builtInSent);
}
