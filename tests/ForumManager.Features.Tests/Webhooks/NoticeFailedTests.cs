using System.Text.Json;
using ForumManager.Core.Integrations;
using ForumManager.Core.Mail;
using ForumManager.Core.Notices;
using ForumManager.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ForumManager.Features.Tests.Webhooks;

/// <summary>The outbox giving up a notice's message writes notice.failed with the mark; other mail tells nothing.</summary>
public sealed class NoticeFailedTests : IAsyncLifetime
{
    private readonly FeatureHarness _harness = new();

    public Task InitializeAsync() => _harness.InitializeAsync();

    public Task DisposeAsync() => _harness.DisposeAsync();

    [Fact]
    public async Task Should_tell_a_notice_the_mail_server_refused_for_good_and_not_an_account_mail()
    {
        var forum = await _harness.ForumAsync();
        var (notice, account, delegateId) = await _harness.RunAsync(async services =>
        {
            var db = services.GetRequiredService<Data.ForumDbContext>();
            var mail = services.GetRequiredService<MailQueue>();
            var person = await db.Delegates.OrderBy(d => d.Id).FirstAsync();
            var forNotice = mail.Add(new MailDraft(person.Email, null, "Reminder", "See you tomorrow.", null, "notice.reminder"));
            var forAccount = mail.Add(new MailDraft("someone@example.org", null, "Confirm", "Confirm your address.", null, "account.confirm-email"));
            var batch = new NoticeBatch { ForumId = forum.Id, CreatedBy = "organizer", Kind = NoticeKind.VisaLetterReady, Audience = "one", CreatedUtc = DateTime.UtcNow };
            db.NoticeBatches.Add(batch);
            await db.SaveChangesAsync();
            db.NoticeRecipients.Add(new NoticeRecipient { BatchId = batch.Id, DelegateId = person.Id, OutboxMessageId = forNotice.Id });
            await db.SaveChangesAsync();
            return (forNotice.Id, forAccount.Id, person.Id);
        });
        var dispatcher = new OutboxDispatcher(
            _harness.Services.GetRequiredService<IServiceScopeFactory>(), new RefusingTransport(),
            _harness.Services.GetRequiredService<OutboxContent>(), _harness.Services.GetRequiredService<IOptions<MailOptions>>(), _harness.Clock,
            new OutboxSignal(), _harness.Services.GetRequiredService<ILogger<OutboxDispatcher>>(), _harness.Services.GetServices<IOutboxGiveUp>());

        await dispatcher.DispatchDueAsync(CancellationToken.None);

        var states = await _harness.QueryAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Id == notice || m.Id == account).Select(m => m.Status).ToListAsync());
        Assert.All(states, s => Assert.Equal(OutboxStatus.Failed, s));
        var told = Assert.Single(await _harness.QueryAsync(db => db.WebhookEvents.AsNoTracking().Where(e => e.Type == WebhookEvents.NoticeFailed).ToListAsync()));
        var data = JsonDocument.Parse(told.Data).RootElement;
        Assert.Equal(notice, data.GetProperty("outboxMessageId").GetInt64());
        Assert.Equal(delegateId, data.GetProperty("delegateId").GetInt32());
        // Named as the API names it (POST /notices takes visa_letter_ready), not run together.
        Assert.Equal("visa_letter_ready", data.GetProperty("kind").GetString());
        Assert.Equal(forum.Id, told.ForumId);
    }

    /// <summary>A mail server that refuses every message for good (a 5xx answer).</summary>
    private sealed class RefusingTransport : IMailTransport
    {
        public Task<IMailConnection> ConnectAsync(CancellationToken ct) => Task.FromResult<IMailConnection>(new Connection());

        private sealed class Connection : IMailConnection
        {
            public Task SendAsync(MimeMessage message, CancellationToken ct) =>
                throw new MailRefusedException("550 mailbox unavailable", permanent: true, new InvalidOperationException("550"));

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
