using System.Globalization;
using System.Net;
using System.Text.Json;
using ForumManager.Core.Accounts;
using ForumManager.Core.Delegates;
using ForumManager.Core.Mail;
using ForumManager.Core.Notices;
using ForumManager.Features.Notices;
using ForumManager.Mail;
using ForumManager.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MimeKit;

namespace ForumManager.Web.Tests.Admin.Notices;

/// <summary>
/// The app with the notice batches and the outbox dispatcher not running on their own: each test makes the passes
/// itself, so what one pass does can be seen.
/// </summary>
public sealed class ManualNoticesAppFixture : ForumAppFactory
{
    /// <summary>Enough delegates for delegations of three or more, and for more than one pass of a batch to everyone.</summary>
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Forum:DemoDelegates"] = "130" };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            foreach (var hosted in services.Where(d => d.ServiceType == typeof(IHostedService)
                         && d.ImplementationFactory?.GetType().GenericTypeArguments.LastOrDefault() is { } type
                         && (type == typeof(NoticeBatchService) || type == typeof(OutboxDispatcher))).ToList())
            {
                services.Remove(hosted);
            }
        });
    }

    public NoticeBatchService Batches => Services.GetRequiredService<NoticeBatchService>();

    /// <summary>Makes passes until none has anything left to do; returns how many made something.</summary>
    public async Task<int> ExpandAllAsync()
    {
        var passes = 0;
        while (await Batches.ExpandOneChunkAsync(CancellationToken.None) > 0)
        {
            Assert.True(++passes < 50, "the batches never finish");
        }

        return passes;
    }

    public async Task DeliverAllAsync()
    {
        var dispatcher = Services.GetRequiredService<OutboxDispatcher>();
        while (await dispatcher.DispatchDueAsync(CancellationToken.None) > 0)
        {
        }
    }
}

/// <summary>Notices to many: a recipient whose message cannot be made fails alone, a batch can be stopped, and batches take turns.</summary>
public sealed class NoticeBatchTests(ManualNoticesAppFixture app) : IClassFixture<ManualNoticesAppFixture>
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static async Task<int> SendAsync(HttpClient organizer, Dictionary<string, string> values)
    {
        var response = await NoticeSendForm.SendAsync(organizer, values);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, System.Text.RegularExpressions.Regex.Replace(text, "<[^>]+>", " ")[..Math.Min(2000, text.Length)]);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), CultureInfo.InvariantCulture);
    }

    private static Dictionary<string, string> FreeForm(int? delegation, string bodyEn = "Dear {{ delegate.name }}, see you soon.", string bodyZh = "尊敬的{{ delegate.name }}：再见。") => new()
    {
        [NoticeSendForm.Status] = "", [NoticeSendForm.Delegation] = delegation is { } d ? Id(d) : "", [NoticeSendForm.Kind] = nameof(NoticeKind.FreeForm),
        [NoticeSendForm.SubjectEn] = "News for {{ delegate.delegation }}", [NoticeSendForm.BodyEn] = bodyEn,
        [NoticeSendForm.SubjectZh] = "{{ delegate.delegation }}通知", [NoticeSendForm.BodyZh] = bodyZh,
    };

    private async Task<JsonElement> StatusAsync(HttpClient organizer, int batch) =>
        JsonDocument.Parse(await organizer.GetStringAsync($"/admin/notices/batch/{batch}?handler=Status")).RootElement;

    private Task<int> PendingAsync(int batch) =>
        app.WithDbAsync(db => db.NoticeRecipients.CountAsync(r => r.BatchId == batch && r.OutboxMessageId == null && r.Error == null));

    /// <summary>Delegations with at least <paramref name="members"/> members, the first ones first.</summary>
    private Task<List<int>> DelegationsAsync(int members) =>
        app.WithDbAsync(db => db.Delegations.AsNoTracking().Where(d => d.Members.Count >= members).OrderBy(d => d.Id).Select(d => d.Id).ToListAsync());

    [Fact]
    public async Task Should_mark_the_one_recipient_whose_data_breaks_the_wording_failed_and_send_the_rest()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var delegation = (await DelegationsAsync(3))[0];
        var members = await app.WithDbAsync(db => db.Delegates.AsNoTracking().Where(d => d.DelegationId == delegation)
            .OrderBy(d => d.PrecedenceRank).ThenBy(d => d.FamilyName).ToListAsync());
        var victim = members[^1];
        var trap = "{% if delegate.email == '" + victim.Email + "' %}{% for i in (1..20000000) %}x{% endfor %}{% endif %}";

        var batch = await SendAsync(organizer, FreeForm(delegation, "Dear {{ delegate.name }}." + trap, "尊敬的{{ delegate.name }}。" + trap));
        await app.ExpandAllAsync();
        await app.DeliverAllAsync();

        var status = await StatusAsync(organizer, batch);
        Assert.Equal((members.Count, members.Count - 1, 1, 100),
            (status.GetProperty("total").GetInt32(), status.GetProperty("sent").GetInt32(), status.GetProperty("failed").GetInt32(), status.GetProperty("percent").GetInt32()));
        var failed = Assert.Single(status.GetProperty("recipients").EnumerateArray(), r => r.GetProperty("state").GetString() == "failed");
        Assert.Equal(victim.Id, failed.GetProperty("id").GetInt32());
        Assert.Equal("The template builds a list of more than 10,000 items.", failed.GetProperty("error").GetString());
        var page = await HtmlForms.GetPageAsync(organizer, $"/admin/notices/batch/{batch}");
        Assert.Contains("builds a list of more than 10,000 items", page.QuerySelector($"tr[data-recipient='{victim.Id}'] td.state")!.TextContent, StringComparison.Ordinal);
        var emails = members.Select(m => m.Email).ToList();
        var sent = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => db.NoticeRecipients.Any(r => r.BatchId == batch && r.OutboxMessageId == m.Id) && m.Status == OutboxStatus.Sent).Select(m => m.ToAddress).ToListAsync());
        Assert.Equal(emails.Where(e => e != victim.Email).Order(), sent.Order());
    }

    [Fact]
    public async Task Should_finish_a_batch_whose_stored_template_reads_a_file_and_still_make_the_batch_after_it()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        var forum = await app.WithDbAsync(db => db.Forums.AsNoTracking().SingleAsync());
        await app.WithDbAsync(async db =>
        {
            foreach (var language in new[] { "en", "zh-Hans" })
            {
                db.NoticeTemplates.Add(new NoticeTemplate
                {
                    ForumId = forum.Id, Kind = NoticeKind.Badge, Language = language, Subject = "Badge", Body = "{% include 'footer' %}",
                    UpdatedUtc = DateTime.UtcNow, UpdatedBy = "before the fix",
                });
            }

            return await db.SaveChangesAsync();
        });
        var delegations = await DelegationsAsync(2);

        var broken = await SendAsync(organizer, new Dictionary<string, string> { ["Status"] = "", ["Delegation"] = Id(delegations[1]), ["Kind"] = nameof(NoticeKind.Badge) });
        var after = await SendAsync(organizer, FreeForm(delegations[2]));
        await app.ExpandAllAsync();

        var brokenRecipients = await app.WithDbAsync(db => db.NoticeRecipients.AsNoTracking().Where(r => r.BatchId == broken).ToListAsync());
        Assert.All(brokenRecipients, r => Assert.Equal(("Forbidden:include", (long?)null), (r.Error, r.OutboxMessageId)));
        Assert.Equal(0, await PendingAsync(after));
        Assert.All(await app.WithDbAsync(db => db.NoticeRecipients.AsNoTracking().Where(r => r.BatchId == after).ToListAsync()), r => Assert.NotNull(r.OutboxMessageId));
        var status = await StatusAsync(organizer, broken);
        Assert.Equal((brokenRecipients.Count, 100), (status.GetProperty("failed").GetInt32(), status.GetProperty("percent").GetInt32()));
        var failed = (await HtmlForms.GetPageAsync(organizer, "/admin/notices")).QuerySelector("[data-testid=failed-templates]")!.TextContent;
        Assert.Contains("Badge and QR code", failed, StringComparison.Ordinal);
        Assert.Contains("reads another file (include)", failed, StringComparison.Ordinal);

        // Fixed, then sent again: the recipients whose message could not be made get it now.
        await app.WithDbAsync(db => db.NoticeTemplates.Where(t => t.Kind == NoticeKind.Badge).ExecuteDeleteAsync());
        var page = await HtmlForms.GetPageAsync(organizer, $"/admin/notices/batch/{broken}");
        var retried = await HtmlForms.SubmitAsync(organizer, page, $"/admin/notices/batch/{broken}", new Dictionary<string, string>(), "form[action*='handler=Retry']");
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        await app.ExpandAllAsync();
        Assert.All(await app.WithDbAsync(db => db.NoticeRecipients.AsNoTracking().Where(r => r.BatchId == broken).ToListAsync()),
            r => Assert.Equal((string?)null, r.Error));
        Assert.Equal(0, await PendingAsync(broken));
    }

    [Fact]
    public async Task Should_send_the_day_before_reminder_with_the_built_in_wording_when_its_stored_template_fails()
    {
        var forum = await app.WithDbAsync(db => db.Forums.AsNoTracking().SingleAsync());
        await app.WithDbAsync(async db =>
        {
            foreach (var language in new[] { "en", "zh-Hans" })
            {
                db.NoticeTemplates.Add(new NoticeTemplate
                {
                    ForumId = forum.Id, Kind = NoticeKind.Reminder, Language = language, Subject = "Tomorrow",
                    Body = "{% for s in agenda %}{% for i in (1..20000000) %}{{ s.title }}{% endfor %}{% endfor %}{% for i in (1..20000000) %}.{% endfor %}",
                    UpdatedUtc = DateTime.UtcNow, UpdatedBy = "before the fix",
                });
            }

            return await db.SaveChangesAsync();
        });
        var approved = await app.WithDbAsync(db => db.Delegates.CountAsync(d => d.Status == RegistrationStatus.Approved));

        Assert.Equal(1, await app.Services.GetRequiredService<Reminders>().RunDueAsync(new DateTime(2010, 6, 22, 10, 30, 0, DateTimeKind.Utc), CancellationToken.None));
        await app.ExpandAllAsync();

        var batch = await app.WithDbAsync(db => db.NoticeBatches.AsNoTracking().SingleAsync(b => b.ReminderFor == new DateOnly(2010, 6, 23)));
        var recipients = await app.WithDbAsync(db => db.NoticeRecipients.AsNoTracking().Where(r => r.BatchId == batch.Id).ToListAsync());
        Assert.Equal(approved, recipients.Count);
        Assert.All(recipients, r => Assert.Equal((true, (string?)null), (r.OutboxMessageId is not null, r.Error)));
        var first = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().FirstAsync(m => m.Id == recipients[0].OutboxMessageId));
        Assert.Contains(first.Subject, new[] { $"Tomorrow at the {forum.NameEn}", $"明日{forum.NameZh}日程提醒" });
        var failures = await app.WithDbAsync(db => db.NoticeTemplates.Where(t => t.Kind == NoticeKind.Reminder).SumAsync(t => t.Failures));
        Assert.Equal(approved, failures);
        await app.WithDbAsync(db => db.NoticeTemplates.Where(t => t.Kind == NoticeKind.Reminder).ExecuteDeleteAsync());
    }

    [Fact]
    public async Task Should_withdraw_what_a_stopped_batch_has_not_sent_and_make_nothing_more()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        await app.ExpandAllAsync();
        await app.DeliverAllAsync();
        var everyone = await app.WithDbAsync(db => db.Delegates.CountAsync());
        var batch = await SendAsync(organizer, FreeForm(null));

        var made = await app.Batches.ExpandOneChunkAsync(CancellationToken.None);
        var messages = await app.WithDbAsync(db => db.NoticeRecipients.Where(r => r.BatchId == batch && r.OutboxMessageId != null).Select(r => r.OutboxMessageId!.Value).ToListAsync());
        var inFlight = messages[0];
        await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == inFlight)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, "another instance").SetProperty(m => m.ClaimedUntilUtc, DateTime.UtcNow.AddMinutes(5))));
        var page = await HtmlForms.GetPageAsync(organizer, $"/admin/notices/batch/{batch}");
        var stopped = await HtmlForms.SubmitAsync(organizer, page, $"/admin/notices/batch/{batch}", new Dictionary<string, string>(), "form[action*='handler=Cancel']");

        Assert.True(made > 0 && made < everyone, $"one pass made {made} of {everyone}");
        Assert.Equal(HttpStatusCode.Redirect, stopped.StatusCode);
        Assert.Equal(0, await app.Batches.ExpandOneChunkAsync(CancellationToken.None));
        var left = await app.WithDbAsync(db => db.NoticeRecipients.AsNoTracking().Where(r => r.BatchId == batch && r.OutboxMessageId != null).Select(r => r.OutboxMessageId).ToListAsync());
        Assert.Equal(new long?[] { inFlight }, left);
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => messages.Contains(m.Id))));
        var status = await StatusAsync(organizer, batch);
        Assert.Equal((everyone, everyone - 1, 1, 0), (status.GetProperty("total").GetInt32(), status.GetProperty("withdrawn").GetInt32(),
            status.GetProperty("queued").GetInt32(), status.GetProperty("sent").GetInt32()));
        var after = await HtmlForms.GetPageAsync(organizer, $"/admin/notices/batch/{batch}");
        Assert.Contains($"{made - 1} messages waiting in the outbox were withdrawn", after.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(after.QuerySelector("[data-testid=batch-stopped]"));
        Assert.Null(after.QuerySelector("[data-testid=cancel-batch]"));
        Assert.Equal(everyone - 1, after.QuerySelectorAll("td.state[data-state=withdrawn]").Length);
    }

    [Fact]
    public async Task Should_start_a_small_batch_in_the_same_pass_as_a_large_one_started_before_it()
    {
        var organizer = await Clients.SignedInAsync(app, Roles.Organizer);
        await app.ExpandAllAsync();
        var everyone = await app.WithDbAsync(db => db.Delegates.CountAsync());
        var delegation = (await DelegationsAsync(2))[0];
        var large = await SendAsync(organizer, FreeForm(null));
        var small = await SendAsync(organizer, FreeForm(delegation));
        var smallCount = await app.WithDbAsync(db => db.NoticeRecipients.CountAsync(r => r.BatchId == small));

        await app.Batches.ExpandOneChunkAsync(CancellationToken.None);

        Assert.True(everyone > 50, $"the demo forum has {everyone} delegates, fewer than one pass makes");
        Assert.Equal(0, await PendingAsync(small));
        Assert.True(await PendingAsync(large) > 0, "the large batch was finished in one pass");
        Assert.True(await PendingAsync(large) < everyone, "the large batch made nothing in the pass");
        await app.ExpandAllAsync();
        Assert.Equal((0, 0), (await PendingAsync(large), await PendingAsync(small)));
        Assert.True(smallCount >= 2);
    }
}
