using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ForumManager.Core.Auditing;
using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Core.Languages;
using ForumManager.Core.Notices;
using ForumManager.Core.Programme;
using ForumManager.Core.Registration;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Agenda;
using ForumManager.Features.Forums;
using ForumManager.Features.Languages;
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

    /// <summary>Why the organizers refused the delegate's photo.</summary>
    public string? PhotoReason { get; init; }

    /// <summary>The day a reminder is for: its <c>seating</c> placeholders name the seat at that day's first seated session.</summary>
    public DateOnly? ReminderDay { get; init; }

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
public sealed partial class NoticeRenderer(ForumDbContext db, NoticeContexts contexts, MailQueue outbox, PublicLinks links, VisaLetters letters, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<MailOptions> mail, ContentTexts texts, ILogger<NoticeRenderer> logger)
{
    /// <param name="Translated">The organizers' translation into a further language: theirs (limited and caught as a
    /// template is) though no template row holds it, so a failure is logged, not recorded on the English template.</param>
    private sealed record Stored(int? Id, string Subject, string Body, bool Translated = false)
    {
        public bool Organizers => Id is not null || Translated;
    }

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

        if (ContentLanguages.IsFurther(language))
        {
            // A further language: the organizers' translation of each text, or else the English wording of it.
            var english = await StoredAsync(forumId, kind, ContentLanguages.English, ct);
            var content = await texts.ForAsync(forumId, language, ct);
            var subject = content.Find(ContentFields.NoticeSubject, (int)kind);
            var body = content.Find(ContentFields.NoticeBody, (int)kind);
            return templates[(forumId, kind, language)] = subject is null && body is null ? english : new Stored(null, subject ?? english.Subject, body ?? english.Body, Translated: true);
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

    /// <summary>
    /// A feature asks for a notice in this one call: rendered now and queued in the outbox, saved with the caller's own
    /// changes (and sent once they commit).
    /// </summary>
    public async Task QueueAsync(Forum forum, Delegate person, NoticeKind kind, NoticeExtras extras, CancellationToken ct) =>
        outbox.Add(await RenderAsync(forum, person, kind, extras, ct));

    /// <param name="builtInOnFailure">
    /// When the organizers' template for the kind fails, send the built-in wording (true: a registration, a decision
    /// or a release must never fail for a template) or throw <see cref="NoticeTemplateException"/> (false). Wording
    /// given in <paramref name="wording"/> has nothing to fall back on: its failure is always thrown.
    /// </param>
    public async Task<MailDraft> RenderAsync(Forum forum, Delegate person, NoticeKind kind, NoticeExtras extras, CancellationToken ct,
        NoticeWording? wording = null, NoticeAttachments? attachments = null, bool builtInOnFailure = true)
    {
        // The delegate's own language, when the edition publishes in it; with both asked for, Chinese goes with it
        // (first, as the host's language, beside English; after it, beside any further language).
        var own = ContentTexts.ReaderLanguage(forum, person.PreferredLanguage, chinese: false);
        var languages = !forum.NoticesInBothLanguages ? [own]
            : ContentLanguages.IsFurther(own) ? [own, ContentLanguages.Chinese] : new[] { ContentLanguages.Chinese, ContentLanguages.English };
        var sources = new List<(string Language, Stored Source)>();
        foreach (var language in languages)
        {
            sources.Add((language, wording is null
                ? await StoredAsync(forum.Id, kind, language, ct)
                : language == "zh-Hans" ? new Stored(null, wording.SubjectZh, wording.BodyZh) : new Stored(null, wording.SubjectEn, wording.BodyEn)));
        }

        var data = contexts.For(forum, person, extras);
        var parts = new List<(string Language, string Subject, string Body)>();
        foreach (var (language, source) in sources)
        {
            var filled = ContentLanguages.IsFurther(language) ? contexts.For(forum, person, extras, await texts.ForAsync(forum.Id, language, ct)) : data;
            try
            {
                var (subject, body) = await FillAsync(source, filled, language, organizers: wording is null && source.Organizers, ct);
                parts.Add((language, subject, body));
            }
            catch (NoticeTemplateException e) when (wording is null && source.Organizers)
            {
                if (source.Id is { } templateId)
                {
                    await RecordFailureAsync(templateId, e, ct);
                }

                if (source.Id is null || logged.Add(source.Id.Value))
                {
                    LogTemplateFailed(logger, kind, language, forum.Id, person.Id, e.Code, builtInOnFailure);
                }

                if (!builtInOnFailure)
                {
                    throw;
                }

                var (builtInSubject, builtInBody) = NoticeDefaults.For(kind, language);
                var (subject, body) = await FillAsync(new Stored(null, builtInSubject, builtInBody), filled, language, organizers: false, ct);
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
    private async Task<(string Subject, string Body)> FillAsync(Stored source, RecipientContext data, string language, bool organizers, CancellationToken ct)
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

    private async Task<List<MailAttachment>> AttachmentsAsync(Forum forum, Delegate person, NoticeAttachments wanted, List<AgendaSession> sessions, CancellationToken ct)
    {
        var files = new List<MailAttachment>();
        var language = ContentTexts.ReaderLanguage(forum, person.PreferredLanguage, chinese: false);
        var chinese = language == ContentLanguages.Chinese;
        if (wanted.Agenda)
        {
            // The calendar in the delegate's own language where the edition has the texts in it.
            var content = await texts.ForAsync(forum.Id, language, ct);
            var shown = content.Apply(forum);
            sessions = content.Apply(sessions);
            var ics = ScheduleExports.Ics(shown, sessions, links.To(string.Empty).TrimEnd('/'), $"{shown.Name(chinese)} · {person.GivenName} {person.FamilyName}", chinese, clock.GetUtcNow().UtcDateTime,
                CalendarOrganizer.For(shown, mail.Value, chinese));
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
        var list = parts.ToList();
        var opening = list.Count > 0 ? list[0].Language : ContentLanguages.English;
        var html = new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"<!DOCTYPE html><html lang=\"{opening}\"{Dir(opening)}><head><meta charset=\"utf-8\"></head><body style=\"font-family:sans-serif;line-height:1.5;color:#111\">");
        var first = true;
        foreach (var (language, _, body) in list)
        {
            if (!first)
            {
                html.Append("<hr>");
            }

            first = false;
            html.Append(CultureInfo.InvariantCulture, $"<div lang=\"{language}\"{Dir(language)}>");
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

    /// <summary>A right-to-left language's part says so, so that mail programs lay it out from the right.</summary>
    private static string Dir(string language) => ContentLanguages.RightToLeft(language) ? " dir=\"rtl\"" : string.Empty;

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex Url();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The organizers' {Kind} template in {Language} of forum {ForumId} failed for delegate {DelegateId} ({Reason}); the built-in wording went instead: {BuiltInSent}.")]
    private static partial void LogTemplateFailed(ILogger logger, NoticeKind kind, string language, int forumId, int delegateId, string reason, bool builtInSent);
}
