using System.Net;
using System.Text.Json;
using ForumManager.Core.Accounts;
using ForumManager.Core.Delegates;
using ForumManager.Core.Mail;
using ForumManager.Features.Notices;
using ForumManager.Mail;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace ForumManager.Web.Tests.Admin.Notices;

public sealed class NoticeAppFixture : ForumAppFactory;

/// <summary>Notice templates checked and previewed, and a notice sent to a whole delegation and followed to delivery.</summary>
public sealed class NoticeTests(NoticeAppFixture app) : IClassFixture<NoticeAppFixture>
{
    private static string Errors(AngleSharp.Html.Dom.IHtmlDocument page) =>
        string.Join(" | ", page.QuerySelectorAll(".field-error").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0));

    [Fact]
    public async Task Should_refuse_a_template_that_does_not_parse_or_names_an_unknown_placeholder_with_the_line()
    {
        // Other tests of this class customize templates; this one starts from the built-in wording, whatever ran before.
        await app.WithDbAsync(db => db.NoticeTemplates.ExecuteDeleteAsync());
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        const string url = "/admin/notices/template?kind=Approved&language=en";

        var broken = await HtmlForms.SubmitAsync(organizer, url, new Dictionary<string, string> { ["Body"] = "Dear {{ delegate.name }},\n\nSee you {% if forum.dates %} soon." },
            "[data-testid=template-form]", button: "[data-testid=save-template]");
        var unknown = await HtmlForms.SubmitAsync(organizer, url, new Dictionary<string, string> { ["Body"] = "Dear {{ delegate.name }},\n\nYour room: {{ delegate.hotel_room }}" },
            "[data-testid=template-form]", button: "[data-testid=save-template]");

        Assert.Equal(HttpStatusCode.OK, broken.StatusCode);
        Assert.Matches(@"Line 3: the template cannot be read: .*endif", Errors(await HtmlForms.ParseAsync(broken)));
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Contains("Line 3: there is no placeholder called delegate.hotel_room", Errors(await HtmlForms.ParseAsync(unknown)), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.NoticeTemplates.AnyAsync()));
    }

    [Fact]
    public async Task Should_send_exactly_what_the_preview_showed_for_a_real_delegate()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var person = await app.WithDbAsync(db => db.Delegates.AsNoTracking().Where(d => d.Status == RegistrationStatus.Submitted && d.NativeName != null).OrderBy(d => d.Id).FirstAsync());
        var language = person.PreferredLanguage == "zh-Hans" ? "zh-Hans" : "en";
        var url = $"/admin/notices/template?kind=Approved&language={language}";
        var body = "{{ delegate.name }} ({{ delegate.native_name }}), {{ delegate.delegation }}:\nWelcome to {{ forum.name }}, {{ forum.dates }}.\n{{ links.me }}";
        var values = new Dictionary<string, string> { ["Subject"] = "Approved · {{ delegate.family_name }}", ["Body"] = body, ["PreviewFor"] = person.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) };

        var preview = await HtmlForms.ParseAsync(await HtmlForms.SubmitAsync(organizer, url, values, "[data-testid=template-form]", button: "[data-testid=preview]"));
        Assert.Equal(person.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), preview.QuerySelector("select[name=PreviewFor] option[selected]")?.GetAttribute("value"));
        var saved = await HtmlForms.SubmitAsync(organizer, url, values, "[data-testid=template-form]", button: "[data-testid=save-template]");
        var details = await HtmlForms.GetPageAsync(organizer, $"/admin/delegates/details/{person.Id}");
        var decided = await HtmlForms.SubmitAsync(organizer, details, $"/admin/delegates/details/{person.Id}", new Dictionary<string, string> { ["Decision"] = "Approved" },
            "form[action*='handler=Decide']");
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);

        var savedText = await saved.Content.ReadAsStringAsync();
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, System.Text.RegularExpressions.Regex.Replace(savedText, "<[^>]+>", " ")[..Math.Min(3000, savedText.Length)]);
        var row = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.ToAddress == person.Email && m.Purpose == "registration.approved"));
        var sent = await app.ReadMailAsync(row);
        Assert.Equal(preview.QuerySelector("[data-testid=preview-subject]")!.TextContent, sent.Subject);
        Assert.Equal(preview.QuerySelector("[data-testid=preview-body]")!.TextContent.Trim(), sent.TextBody!.Trim().ReplaceLineEndings("\n"));
        Assert.Contains(person.NativeName!, sent.TextBody, StringComparison.Ordinal);
        Assert.Contains("http://forum.test/me", sent.TextBody, StringComparison.Ordinal);
        Assert.Contains("href=\"http://forum.test/me\"", sent.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", sent.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", sent.HtmlBody, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Should_send_a_notice_to_one_delegation_with_attachments_and_follow_every_delivery()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var delegation = await app.WithDbAsync(db => db.Delegations.AsNoTracking()
            .Where(d => d.Members.Count(m => m.Status == RegistrationStatus.Approved) >= 2).OrderBy(d => d.Id).Select(d => new { d.Id, d.NameEn }).FirstAsync());
        var members = await app.WithDbAsync(db => db.Delegates.AsNoTracking().Where(d => d.DelegationId == delegation.Id && d.Status == RegistrationStatus.Approved).ToListAsync());
        var values = new Dictionary<string, string>
        {
            [NoticeSendForm.Delegation] = delegation.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [NoticeSendForm.SubjectEn] = "Airport pickup for {{ delegate.delegation }}", [NoticeSendForm.BodyEn] = "Dear {{ delegate.name }},\nyour programme is attached.",
            [NoticeSendForm.SubjectZh] = "{{ delegate.delegation }}接机安排", [NoticeSendForm.BodyZh] = "尊敬的{{ delegate.name }}：\n附件是您的日程。",
            [NoticeSendForm.AttachAgenda] = "true", [NoticeSendForm.AttachQrCode] = "true",
        };

        var sentPage = await NoticeSendForm.SendAsync(organizer, values);

        Assert.Equal(HttpStatusCode.Redirect, sentPage.StatusCode);
        var batchUrl = sentPage.Headers.Location!.OriginalString;
        var status = await Eventually.ReadAsync(
            async () => JsonDocument.Parse(await organizer.GetStringAsync(batchUrl + "?handler=Status")).RootElement,
            s => s.GetProperty("percent").GetInt32() == 100);

        Assert.Equal(members.Count, status.GetProperty("total").GetInt32());
        Assert.Equal(members.Count, status.GetProperty("sent").GetInt32());
        Assert.All(status.GetProperty("recipients").EnumerateArray(), r => Assert.Equal("sent", r.GetProperty("state").GetString()));
        var page = await HtmlForms.GetPageAsync(organizer, batchUrl);
        Assert.Equal(members.Count, page.QuerySelectorAll("[data-testid=notice-recipients] td.state[data-state=sent]").Length);

        var emails = members.Select(m => m.Email).ToList();
        var rows = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => emails.Contains(m.ToAddress) && m.Purpose == "notice.freeform").ToListAsync());
        Assert.Equal(members.Count, rows.Count);
        foreach (var row in rows)
        {
            var message = await app.ReadMailAsync(row);
            var person = members.Single(m => m.Email == row.ToAddress);
            Assert.Contains(person.PreferredLanguage == "zh-Hans" ? "接机安排" : "Airport pickup for", message.Subject, StringComparison.Ordinal);
            Assert.Equal(["my-agenda.ics", "check-in-code.png"], message.Attachments.OfType<MimePart>().Select(a => a.FileName));
            using var ics = new MemoryStream();
            await message.Attachments.OfType<MimePart>().First().Content!.DecodeToAsync(ics);
            var calendar = System.Text.Encoding.UTF8.GetString(ics.ToArray());
            Assert.NotNull(Ical.Net.Calendar.Load(calendar));

            // The attachment is labelled method=PUBLISH, so the calendar says so too and names its organizer, as libical requires.
            var libical = await Libical.CheckAsync(calendar);
            Assert.True(libical.Parsed);
            Assert.Equal("METHOD:PUBLISH", libical.Method);
            Assert.Empty(libical.Errors);
            Assert.Equal(libical.Events, libical.Organizers.Count);
        }
    }

    /// <summary>Waits up to 10 s for the dispatcher to have sent every one of <paramref name="ids"/>.</summary>
    private Task WaitUntilSentAsync(IReadOnlyCollection<long> ids) =>
        Eventually.HoldsAsync(async () => !await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => ids.Contains(m.Id) && m.Status != OutboxStatus.Sent)), TimeSpan.FromSeconds(10));

    [Fact]
    public async Task Should_send_the_failed_messages_of_a_batch_again()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var delegation = await app.WithDbAsync(db => db.Delegations.AsNoTracking().OrderByDescending(d => d.Id).Select(d => d.Id).FirstAsync());
        var response = await NoticeSendForm.SendAsync(organizer, new Dictionary<string, string>
        {
            [NoticeSendForm.Delegation] = delegation.ToString(System.Globalization.CultureInfo.InvariantCulture), [NoticeSendForm.Status] = "",
        });
        var batchUrl = response.Headers.Location!.OriginalString;
        var batchId = int.Parse(batchUrl.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        await Eventually.HoldsAsync(async () => !await app.WithDbAsync(db => db.NoticeRecipients.AnyAsync(r => r.BatchId == batchId && r.OutboxMessageId == null)),
            TimeSpan.FromSeconds(10));

        var ids = await app.WithDbAsync(db => db.NoticeRecipients.Where(r => r.BatchId == batchId).Select(r => r.OutboxMessageId!.Value).ToListAsync());

        // The server's refusal is written once the dispatcher has finished with the messages, as a real one would be:
        // written while a message is on its way, the dispatcher's own outcome would overwrite it.
        await WaitUntilSentAsync(ids);

        // Refused by the server instead: a refused message keeps its content (only a sent one drops it), here what was delivered.
        var outbox = app.Services.GetRequiredService<OutboxContent>();
        foreach (var row in await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync()))
        {
            using var mime = new MemoryStream();
            await (await app.ReadMailAsync(row)).WriteToAsync(mime);
            var content = outbox.Protect(mime.ToArray());
            await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == row.Id).ExecuteUpdateAsync(u => u
                .SetProperty(m => m.Status, OutboxStatus.Failed).SetProperty(m => m.LastError, "550 mailbox unavailable").SetProperty(m => m.Attempts, 5)
                .SetProperty(m => m.MimeContent, content)));
        }

        var failedPage = await HtmlForms.GetPageAsync(organizer, batchUrl);
        Assert.Contains("550 mailbox unavailable", failedPage.QuerySelector("[data-testid=notice-recipients]")!.TextContent, StringComparison.Ordinal);

        var retried = await HtmlForms.SubmitAsync(organizer, failedPage, batchUrl, new Dictionary<string, string>(), "form[action*='handler=Retry']");

        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        await WaitUntilSentAsync(ids);

        Assert.All(await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync()), m => Assert.Equal(OutboxStatus.Sent, m.Status));
    }

    [Fact]
    public async Task Should_write_a_notice_in_Chinese_and_English_in_one_message_when_the_forum_asks_for_both()
    {
        await app.WithDbAsync(db => db.NoticeTemplates.ExecuteDeleteAsync());
        var person = await app.WithDbAsync(db => db.Delegates.AsNoTracking().Include(d => d.Delegation).Where(d => d.PreferredLanguage == "en").OrderBy(d => d.Id).FirstAsync());
        var forum = await app.WithDbAsync(db => db.Forums.AsNoTracking().SingleAsync());
        forum.NoticesInBothLanguages = true;

        await using var scope = app.Services.CreateAsyncScope();
        var renderer = scope.ServiceProvider.GetRequiredService<NoticeRenderer>();
        var both = await renderer.RenderAsync(forum, person, Core.Notices.NoticeKind.Approved, NoticeExtras.None, CancellationToken.None);
        forum.NoticesInBothLanguages = false;
        var english = await renderer.RenderAsync(forum, person, Core.Notices.NoticeKind.Approved, NoticeExtras.None, CancellationToken.None);

        Assert.Equal($"报名已批准：{forum.NameZh} / Registration approved: {forum.NameEn}", both.Subject);
        Assert.True(both.TextBody.IndexOf("组委会", StringComparison.Ordinal) < both.TextBody.IndexOf("The organizing committee", StringComparison.Ordinal));
        Assert.Contains("lang=\"zh-Hans\"", both.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(forum.NameZh, both.FromName);
        Assert.Equal($"Registration approved: {forum.NameEn}", english.Subject);
        Assert.DoesNotContain("组委会", english.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_send_every_approved_delegate_the_reminder_with_their_agenda_once_on_the_eve_of_each_day()
    {
        var reminders = app.Services.GetRequiredService<Reminders>();
        var approved = await app.WithDbAsync(db => db.Delegates.CountAsync(d => d.Status == RegistrationStatus.Approved));

        var tooEarly = await reminders.RunDueAsync(new DateTime(2010, 6, 22, 9, 0, 0, DateTimeKind.Utc), CancellationToken.None);
        var due = await reminders.RunDueAsync(new DateTime(2010, 6, 22, 10, 30, 0, DateTimeKind.Utc), CancellationToken.None);
        var again = await reminders.RunDueAsync(new DateTime(2010, 6, 22, 11, 30, 0, DateTimeKind.Utc), CancellationToken.None);
        var afterTheForum = await reminders.RunDueAsync(new DateTime(2010, 6, 24, 11, 30, 0, DateTimeKind.Utc), CancellationToken.None);

        Assert.Equal((0, 1, 0, 0), (tooEarly, due, again, afterTheForum));
        var batch = await app.WithDbAsync(db => db.NoticeBatches.AsNoTracking().SingleAsync(b => b.ReminderFor == new DateOnly(2010, 6, 23)));
        Assert.Equal(approved, batch.Total);
        await Eventually.HoldsAsync(async () => !await app.WithDbAsync(db => db.NoticeRecipients.AnyAsync(r => r.BatchId == batch.Id && r.OutboxMessageId == null)),
            TimeSpan.FromSeconds(10));

        var rows = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Purpose == "notice.reminder").ToListAsync());
        Assert.Equal(approved, rows.Count);
        var message = await app.ReadMailAsync(rows[0]);
        Assert.Equal("my-agenda.ics", Assert.Single(message.Attachments.OfType<MimePart>()).FileName);
    }
}
