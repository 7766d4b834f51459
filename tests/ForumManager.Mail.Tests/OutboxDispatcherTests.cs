using System.Diagnostics;
using ForumManager.Core.Mail;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace ForumManager.Mail.Tests;

public sealed class OutboxDispatcherTests
{
    private static MailDraft Draft(int i) => new(
        $"delegate{i}@city.example.org", "张伟", $"欢迎参加2010中国湖南国际友好城市合作论坛 #{i}",
        $"您好，张伟。第{i}号通知。", $"<p>您好，<strong>张伟</strong>。第{i}号通知。</p>", "test.notice");

    /// <summary>Queues one message as the app does, waking the dispatcher.</summary>
    private static async Task EnqueueAsync(ServiceProvider services, MailDraft draft)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MailQueue>().EnqueueAsync(draft, CancellationToken.None);
    }

    private static async Task DrainAsync(ServiceProvider services)
    {
        var dispatcher = services.GetRequiredService<OutboxDispatcher>();
        while (await dispatcher.DispatchDueAsync(CancellationToken.None) > 0)
        {
        }
    }

    [Fact]
    public async Task Should_deliver_queued_mail_over_SMTP_with_Chinese_subject_names_and_both_parts()
    {
        await using var harness = await MailHarness.CreateAsync();
        await using var smtp = new LoopbackSmtpServer();
        smtp.Start();
        await using var services = harness.BuildServices(smtp.Port);

        await MailHarness.QueueAsync(services, 3, Draft);
        await DrainAsync(services);

        var received = await smtp.WaitForAsync(3, TimeSpan.FromSeconds(10));
        Assert.Equal(3, received.Count);
        var first = received.Single(m => m.Subject?.EndsWith("#0", StringComparison.Ordinal) == true);
        Assert.Equal("欢迎参加2010中国湖南国际友好城市合作论坛 #0", first.Subject);
        Assert.Equal("张伟", first.To.Mailboxes.Single().Name);
        Assert.Equal("湖南省外事侨务办公室", first.From.Mailboxes.Single().Name);
        Assert.Contains("第0号通知", first.TextBody, StringComparison.Ordinal);
        Assert.Contains("<strong>张伟</strong>", first.HtmlBody, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(first.MessageId));
        Assert.Equal(new DateTimeOffset(2010, 6, 20, 8, 0, 0, TimeSpan.Zero), first.Date);

        var rows = await MailHarness.QueryAsync(services, db => db.OutboxMessages.AsNoTracking().ToListAsync());
        var sentAt = harness.Clock.GetUtcNow().UtcDateTime;
        Assert.All(rows, r => Assert.Equal((OutboxStatus.Sent, 1, null, sentAt, null), (r.Status, r.Attempts, r.LastError, r.SentUtc, r.ClaimedBy)));
        Assert.Equal(rows.Select(r => r.MessageId).Order(), received.Select(m => m.MessageId).Order());
    }

    [Fact]
    public async Task Should_keep_mail_while_the_server_is_down_and_send_each_message_once_when_it_returns()
    {
        await using var harness = await MailHarness.CreateAsync();
        await using var smtp = new LoopbackSmtpServer();
        await using var services = harness.BuildServices(smtp.Port);
        await MailHarness.QueueAsync(services, 50, Draft);

        await DrainAsync(services);

        var waiting = await MailHarness.QueryAsync(services, db => db.OutboxMessages.AsNoTracking().ToListAsync());
        Assert.All(waiting, r =>
        {
            Assert.Equal(OutboxStatus.Queued, r.Status);
            Assert.Equal(0, r.Attempts);
            Assert.False(string.IsNullOrEmpty(r.LastError));
        });

        // The server is back, but it is not tried again before the first pause has passed.
        smtp.Start();
        await DrainAsync(services);
        Assert.Empty(smtp.Received);

        harness.Clock.Advance(TimeSpan.FromSeconds(31));
        await DrainAsync(services);

        var received = await smtp.WaitForAsync(50, TimeSpan.FromSeconds(20));
        Assert.Equal(50, received.Count);
        Assert.Equal(50, received.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(50, await MailHarness.QueryAsync(services, db => db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Sent)));
    }

    [Fact]
    public async Task Should_deliver_mail_queued_during_a_ten_second_outage_within_the_first_pause_of_the_servers_return()
    {
        const int FirstRetrySeconds = 4;
        await using var harness = await MailHarness.CreateAsync();
        await using var smtp = new LoopbackSmtpServer();
        smtp.Start();
        await using var services = harness.BuildServices(
            smtp.Port, settings: new Dictionary<string, string?> { ["Mail:FirstRetrySeconds"] = $"{FirstRetrySeconds}" }, clock: TimeProvider.System);
        var dispatcher = services.GetRequiredService<OutboxDispatcher>();
        await dispatcher.StartAsync(CancellationToken.None);
        try
        {
            await EnqueueAsync(services, Draft(100));
            Assert.Single(await smtp.WaitForAsync(1, TimeSpan.FromSeconds(10)));

            // Ten seconds without a server, a message queued every 1.6 s: each one wakes the dispatcher.
            await smtp.StopAsync();
            var outage = Stopwatch.StartNew();
            for (var i = 0; i < 6; i++)
            {
                await EnqueueAsync(services, Draft(i));
                await Task.Delay(TimeSpan.FromSeconds(1.6));
            }

            // On a busy machine the six enqueues can take longer than the ten seconds themselves.
            if (outage.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(TimeSpan.FromSeconds(10) - outage.Elapsed);
            }

            smtp.Start();
            var back = Stopwatch.StartNew();
            var received = await smtp.WaitForAsync(7, TimeSpan.FromSeconds(FirstRetrySeconds + 5));
            var waited = back.Elapsed;

            Assert.True(received.Count == 7, $"{received.Count - 1} of the 6 messages arrived within {FirstRetrySeconds + 5} s of the server's return");
            Assert.True(waited <= TimeSpan.FromSeconds(FirstRetrySeconds + 5), $"the last message arrived {waited.TotalSeconds:F1} s after the server's return");

            // Time for a late second copy to show up before counting.
            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.Equal(7, smtp.Received.Count);
            Assert.Equal(7, smtp.Received.Select(m => m.MessageId).Distinct().Count());
            Assert.Equal(7, await MailHarness.QueryAsync(services, db => db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Sent && m.Attempts == 1)));
        }
        finally
        {
            await dispatcher.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Should_keep_its_messages_while_one_message_takes_longer_than_the_whole_claim()
    {
        await using var harness = await MailHarness.CreateAsync();
        // Each message takes longer than the claim; the claim is renewed every third of it, so only a pause of two
        // thirds (over 3 s) in renewing would let the other instance in, which a busy two-core machine stays under.
        await using var smtp = new LoopbackSmtpServer { DelayPerMessage = TimeSpan.FromSeconds(6) };
        smtp.Start();
        var shortClaim = new Dictionary<string, string?> { ["Mail:ClaimSeconds"] = "5" };
        await using var slow = harness.BuildServices(smtp.Port, settings: shortClaim, clock: TimeProvider.System);
        await using var other = harness.BuildServices(smtp.Port, settings: shortClaim, clock: TimeProvider.System);
        await MailHarness.QueueAsync(slow, 2, Draft);

        var sending = Task.Run(() => slow.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None));
        await Eventually.HoldsAsync(
            async () => sending.IsCompleted || await MailHarness.QueryAsync(slow, db => db.OutboxMessages.AnyAsync(m => m.ClaimedBy != null)),
            every: TimeSpan.FromMilliseconds(20));

        // Another instance looks for due mail all the while, as a second app instance would.
        var otherDispatcher = other.GetRequiredService<OutboxDispatcher>();
        var otherClaimed = 0;
        var sent = await Eventually.HoldsAsync(async () =>
        {
            otherClaimed += await otherDispatcher.DispatchDueAsync(CancellationToken.None);
            return sending.IsCompleted;
        }, within: TimeSpan.FromSeconds(60), every: TimeSpan.FromMilliseconds(250));

        Assert.True(sent, "the slow instance was still sending its two messages after 60 s");
        Assert.Equal(2, await sending);
        Assert.Equal(0, otherClaimed);
        var received = await smtp.WaitForAsync(2, TimeSpan.FromSeconds(5));
        Assert.Equal(2, received.Count);
        Assert.Equal(2, received.Select(m => m.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task Should_send_each_message_of_a_batch_once_when_the_app_stops_in_the_middle_and_starts_again()
    {
        await using var harness = await MailHarness.CreateAsync();
        await using var smtp = new LoopbackSmtpServer { DelayPerMessage = TimeSpan.FromMilliseconds(15) };
        smtp.Start();
        var first = harness.BuildServices(smtp.Port);
        await MailHarness.QueueAsync(first, 200, Draft);

        var dispatcher = first.GetRequiredService<OutboxDispatcher>();
        await dispatcher.StartAsync(CancellationToken.None);
        await smtp.WaitForAsync(40, TimeSpan.FromSeconds(30));
        await dispatcher.StopAsync(CancellationToken.None);
        await first.DisposeAsync();
        var beforeRestart = smtp.Received.Count;

        await using var second = harness.BuildServices(smtp.Port);
        await DrainAsync(second);
        var received = await smtp.WaitForAsync(200, TimeSpan.FromSeconds(30));

        Assert.InRange(beforeRestart, 40, 199);
        Assert.Equal(200, received.Count);
        Assert.Equal(200, received.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(200, await MailHarness.QueryAsync(second, db => db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Sent)));
    }

    [Fact]
    public async Task Should_deliver_attachments_and_a_sender_name_in_Chinese()
    {
        await using var harness = await MailHarness.CreateAsync();
        await using var smtp = new LoopbackSmtpServer();
        smtp.Start();
        await using var services = harness.BuildServices(smtp.Port);
        var ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"u8.ToArray();
        await MailHarness.QueueAsync(services, 1, i => Draft(i) with
        {
            FromName = "2010中国湖南国际友好城市合作论坛",
            Attachments = [new MailAttachment("my-agenda.ics", "text/calendar; charset=utf-8", ics), new MailAttachment("签到二维码.png", "image/png", [137, 80, 78, 71])],
        });

        await DrainAsync(services);

        var message = Assert.Single(await smtp.WaitForAsync(1, TimeSpan.FromSeconds(10)));
        Assert.Equal("2010中国湖南国际友好城市合作论坛", message.From.Mailboxes.Single().Name);
        Assert.Equal("forum@hunan.example.org", message.From.Mailboxes.Single().Address);
        Assert.Contains("第0号通知", message.TextBody, StringComparison.Ordinal);
        Assert.NotNull(message.HtmlBody);
        var files = message.Attachments.OfType<MimePart>().ToList();
        Assert.Equal(["my-agenda.ics", "签到二维码.png"], files.Select(f => f.FileName));
        Assert.Equal("text/calendar", files[0].ContentType.MimeType);
        using var content = new MemoryStream();
        await files[0].Content!.DecodeToAsync(content);
        Assert.Equal(ics, content.ToArray());
    }

    [Fact]
    public async Task Should_never_give_up_on_mail_because_the_server_stays_down_for_days()
    {
        await using var harness = await MailHarness.CreateAsync();
        await using var smtp = new LoopbackSmtpServer();
        await using var services = harness.BuildServices(smtp.Port);
        await MailHarness.QueueAsync(services, 5, Draft);

        for (var hour = 0; hour < 72; hour += 3)
        {
            await DrainAsync(services);
            harness.Clock.Advance(TimeSpan.FromHours(3));
        }

        var rows = await MailHarness.QueryAsync(services, db => db.OutboxMessages.AsNoTracking().ToListAsync());
        Assert.All(rows, r => Assert.Equal((OutboxStatus.Queued, 0), (r.Status, r.Attempts)));

        smtp.Start();
        await DrainAsync(services);
        Assert.Equal(5, (await smtp.WaitForAsync(5, TimeSpan.FromSeconds(10))).Count);
    }

    [Fact]
    public async Task Should_give_up_at_once_on_a_permanent_refusal_and_keep_the_servers_reason()
    {
        await using var harness = await MailHarness.CreateAsync();
        await using var smtp = new LoopbackSmtpServer();
        smtp.RefusedRecipients.Add("delegate0@city.example.org");
        smtp.Start();
        await using var services = harness.BuildServices(smtp.Port);
        await MailHarness.QueueAsync(services, 2, Draft);

        await DrainAsync(services);

        var rows = await MailHarness.QueryAsync(services, db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync());
        Assert.Equal((OutboxStatus.Failed, 1), (rows[0].Status, rows[0].Attempts));
        Assert.StartsWith("550", rows[0].LastError, StringComparison.Ordinal);
        Assert.Contains("mailbox", rows[0].LastError ?? string.Empty, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(OutboxStatus.Sent, rows[1].Status);
        Assert.Single(smtp.Received);
    }

    [Fact]
    public async Task Should_never_send_a_message_twice_when_two_app_instances_dispatch_at_once()
    {
        await using var harness = await MailHarness.CreateAsync();
        await using var smtp = new LoopbackSmtpServer();
        smtp.Start();
        await using var first = harness.BuildServices(smtp.Port);
        await using var second = harness.BuildServices(smtp.Port);
        await MailHarness.QueueAsync(first, 120, Draft);

        await Task.WhenAll(Task.Run(() => DrainAsync(first)), Task.Run(() => DrainAsync(second)));

        var received = await smtp.WaitForAsync(120, TimeSpan.FromSeconds(20));
        Assert.Equal(120, received.Count);
        Assert.Equal(120, received.Select(m => m.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task Should_write_eml_files_to_the_pickup_folder_when_no_SMTP_host_is_set()
    {
        await using var harness = await MailHarness.CreateAsync();
        await using var services = harness.BuildServices(smtpPort: null);
        await MailHarness.QueueAsync(services, 2, Draft);

        await DrainAsync(services);

        var files = Directory.GetFiles(harness.PickupFolder, "*.eml");
        Assert.Equal(2, files.Length);
        var subjects = new List<string>();
        foreach (var file in files)
        {
            subjects.Add((await MimeMessage.LoadAsync(file)).Subject ?? string.Empty);
        }

        Assert.Contains("欢迎参加2010中国湖南国际友好城市合作论坛 #1", subjects);
        Assert.Empty(Directory.GetFiles(harness.PickupFolder, "*.tmp"));
    }
}
