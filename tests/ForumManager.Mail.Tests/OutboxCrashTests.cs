using System.Diagnostics;
using System.Globalization;
using ForumManager.Core.Mail;
using ForumManager.Testing;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace ForumManager.Mail.Tests;

/// <summary>The app itself, killed with SIGKILL in the middle of sending, then started again on the same database.</summary>
public sealed class OutboxCrashTests(ITestOutputHelper output)
{
    private static MailDraft Draft(int i) => new(
        $"delegate{i}@city.example.org", "Nguyễn Văn An", $"Friendship-tree planting, 23 June 18:00 #{i}",
        $"Dear delegate, notice {i}.", null, "test.notice");

    [Fact]
    public async Task Should_deliver_all_200_messages_with_at_most_one_twice_and_the_rest_within_a_minute_of_a_restart_after_a_kill()
    {
        await using var harness = await MailHarness.CreateAsync();
        await using var smtp = new LoopbackSmtpServer { DelayPerMessage = TimeSpan.FromMilliseconds(20) };
        smtp.Start();
        await using (var queueing = harness.BuildServices(smtp.Port, clock: TimeProvider.System))
        {
            await MailHarness.QueueAsync(queueing, 200, Draft);
        }

        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:Forum"] = $"Data Source={harness.DatabasePath}",
            ["Forum:SeedDemo"] = "false",
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
        };

        int beforeKill;
        await using (var first = AppProcess.Start(settings))
        {
            var sending = await Eventually.HoldsAsync(() => Task.FromResult(smtp.Received.Count >= 40 || first.HasExited), TimeSpan.FromSeconds(90));
            Assert.True(sending && !first.HasExited, $"the app sent {smtp.Received.Count} messages in 90 s; it wrote:\n{first.Output}");
            await first.KillAsync();
            beforeKill = smtp.Received.Count;
        }

        await using var second = AppProcess.Start(settings);
        var restarted = Stopwatch.StartNew();
        await Eventually.HoldsAsync(() => Task.FromResult(Distinct(smtp) >= 200 || second.HasExited), TimeSpan.FromSeconds(60));
        var took = restarted.Elapsed;

        // Time for a late second copy to show up before counting.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var received = smtp.Received;
        var sentTwice = received.GroupBy(m => m.MessageId).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        output.WriteLine($"killed after {beforeKill} messages; {Distinct(smtp)} of 200 within {took.TotalSeconds:F1} s of the restart; {received.Count - Distinct(smtp)} sent twice");

        Assert.InRange(beforeKill, 40, 199);
        Assert.True(Distinct(smtp) == 200, $"{Distinct(smtp)} of 200 messages arrived within 60 s of the restart; the app wrote:\n{second.Output}");
        Assert.True(took <= TimeSpan.FromSeconds(60), $"the last message arrived {took.TotalSeconds:F0} s after the restart");
        Assert.True(received.Count - 200 <= 1, $"{received.Count - 200} messages were sent twice: {string.Join(", ", sentTwice)}");
        await using var services = harness.BuildServices(smtp.Port, clock: TimeProvider.System);
        Assert.Equal(200, await MailHarness.QueryAsync(services, db => db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Sent)));
    }

    private static int Distinct(LoopbackSmtpServer smtp) => smtp.Received.Select(m => m.MessageId).Distinct().Count();
}
