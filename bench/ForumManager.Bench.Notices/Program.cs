using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ForumManager.Core.Delegates;
using ForumManager.Core.Mail;
using ForumManager.Core.Notices;
using ForumManager.Data;
using ForumManager.Features.Notices;
using ForumManager.Mail;
using ForumManager.Testing;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Delegate = ForumManager.Core.Delegates.Delegate;

// 1,000 personalised notices, each with the delegate's agenda as an .ics attachment, rendered from the templates and
// queued in the outbox; then the time the outbox dispatcher takes to deliver them all to an SMTP server on loopback
// (Debian's aiosmtpd), next to raw MailKit sending the very same messages over one connection to the same server in
// the same run, in turns, and the number of messages the server received twice from the outbox. A message counts as
// delivered when the server has answered 250 to it, for both.
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
const int Warmup = 100;
var port = FreePort();

// The server writes down the Message-ID of every message it accepts (counting_sink.py, beside this program), so that
// a message it was given twice shows.
var receivedLog = Path.Combine(Path.GetTempPath(), $"forummanager-bench-received-{Guid.NewGuid():N}.txt");
using var server = Process.Start(new ProcessStartInfo("/usr/bin/python3", ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "counting_sink.CountingSink", receivedLog])
{
    WorkingDirectory = AppContext.BaseDirectory,
    RedirectStandardError = true,
}) ?? throw new InvalidOperationException("aiosmtpd did not start: apt-get install python3-aiosmtpd");
for (var i = 0; ; i++)
{
    try
    {
        using var probe = new TcpClient();
        await probe.ConnectAsync(IPAddress.Loopback, port);
        break;
    }
    catch (SocketException) when (i < 100)
    {
        await Task.Delay(100);
    }
}

await using var app = new NoticeBenchApp(port);
var forum = await app.WithDbAsync(db => db.Forums.AsNoTracking().SingleAsync());
await app.WithDbAsync(async db =>
{
    db.Delegates.AddRange(Enumerable.Range(0, count + Warmup).Select(i => new Delegate
    {
        ForumId = forum.Id, FamilyName = "Bench", GivenName = $"Reader {i}", NativeName = $"读者{i}", NativeNameLanguage = "zh-Hans", CountryCode = "CN",
        Email = $"reader-{i}@bench.example.org", Category = DelegateCategory.Delegate, Status = RegistrationStatus.Approved, PreferredLanguage = i % 2 == 0 ? "zh-Hans" : "en",
        CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
    }));
    return await db.SaveChangesAsync();
});

// The dispatcher is held back while the notices are made, so that only delivery is timed.
var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
await dispatcher.StopAsync(CancellationToken.None);
var render = Stopwatch.StartNew();
await using (var scope = app.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
    var renderer = scope.ServiceProvider.GetRequiredService<NoticeRenderer>();
    var mail = scope.ServiceProvider.GetRequiredService<MailQueue>();
    var people = await db.Delegates.AsNoTracking().Where(d => d.Email.EndsWith("@bench.example.org")).OrderBy(d => d.Id).ToListAsync();
    foreach (var person in people)
    {
        mail.Add(await renderer.RenderAsync(forum, person, NoticeKind.Reminder, NoticeExtras.None, CancellationToken.None, attachments: new NoticeAttachments(true, false, false)));
    }

    await db.SaveChangesAsync();
}

render.Stop();

// Warm-up, for both senders: the first messages go out untimed, so neither pays for compiling its code.
var ids = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.ToAddress.EndsWith("@bench.example.org")).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync());

// The outbox keeps each message encrypted and drops it once sent: what was queued is kept here, to queue it again in
// every round, and decrypted once for raw MailKit.
var stored = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.MimeContent));
var outboxContent = app.Services.GetRequiredService<OutboxContent>();
var warmIds = ids.Take(Warmup).ToList();
var later = DateTime.UtcNow.AddDays(1);
await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.ToAddress.EndsWith("@bench.example.org") && !warmIds.Contains(m.Id)).ExecuteUpdateAsync(u => u.SetProperty(m => m.NextAttemptUtc, later)));
while (await dispatcher.DispatchDueAsync(CancellationToken.None) > 0)
{
}

var timedIds = ids.Skip(Warmup).ToList();
var warmMessages = warmIds.Select(id => outboxContent.Unprotect(stored[id])).ToList();
var messages = timedIds.Select(id => outboxContent.Unprotect(stored[id])).ToList();
var averageKb = messages.Average(m => m.Length) / 1024.0;
var outboxMessageIds = (await app.WithDbAsync(db => db.OutboxMessages.Where(m => ids.Contains(m.Id)).Select(m => m.MessageId).ToListAsync()))
    .Select(id => $"<{id}>").ToHashSet(StringComparer.Ordinal);
var duplicates = Duplicates(0);

async Task<List<MimeMessage>> ParseAsync(List<byte[]> all)
{
    var parsed = new List<MimeMessage>();
    foreach (var bytes in all)
    {
        parsed.Add(await MimeMessage.LoadAsync(new MemoryStream(bytes)));
    }

    return parsed;
}

async Task SendRawAsync(IEnumerable<MimeMessage> all)
{
    using var client = new SmtpClient();
    await client.ConnectAsync("127.0.0.1", port, MailKit.Security.SecureSocketOptions.None);
    foreach (var message in all)
    {
        await client.SendAsync(message);
    }

    await client.DisconnectAsync(true);
}

await SendRawAsync(await ParseAsync(warmMessages));

// The two senders take turns, a few rounds each, and each is judged by its best round: on a machine shared with other
// work, the fastest round is the one least disturbed by it.
var outboxTimes = new List<TimeSpan>();
var rawTimes = new List<TimeSpan>();
for (var round = 0; round < rounds; round++)
{
    // The same messages go again in every round, queued afresh, their content as it was queued.
    await app.WithDbAsync(async db =>
    {
        foreach (var id in timedIds)
        {
            var content = stored[id];
            await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(u => u.SetProperty(m => m.MimeContent, content));
        }

        return await db.OutboxMessages.Where(m => timedIds.Contains(m.Id)).ExecuteUpdateAsync(u => u
            .SetProperty(m => m.Status, OutboxStatus.Queued)
            .SetProperty(m => m.Attempts, 0)
            .SetProperty(m => m.SentUtc, (DateTime?)null)
            .SetProperty(m => m.NextAttemptUtc, DateTime.UtcNow.AddMinutes(-1)));
    });
    var logged = File.ReadLines(receivedLog).Count();
    var outbox = Stopwatch.StartNew();
    while (await dispatcher.DispatchDueAsync(CancellationToken.None) > 0)
    {
    }

    outboxTimes.Add(outbox.Elapsed);
    var delivered = await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => timedIds.Contains(m.Id) && m.Status == OutboxStatus.Sent));
    if (delivered != count)
    {
        Console.WriteLine($"only {delivered} of {count} were delivered");
        return 1;
    }

    duplicates += Duplicates(logged);
    // Parsed afresh, untimed: MailKit picks each part's transfer encoding when it first sends a message, and a message
    // sent before would skip that work, which the outbox does for every message it sends.
    var mimes = await ParseAsync(messages);
    var raw = Stopwatch.StartNew();
    await SendRawAsync(mimes);
    rawTimes.Add(raw.Elapsed);
}

server.Kill();
File.Delete(receivedLog);

var outboxBest = outboxTimes.Min();
var rawBest = rawTimes.Min();
var outboxRate = count / outboxBest.TotalSeconds;
var rawRate = count / rawBest.TotalSeconds;
Console.WriteLine($"{count} personalised notices with an .ics attachment ({averageKb:F1} KB each) after {Warmup} untimed for each sender; {count + Warmup} rendered from the templates and queued in {render.Elapsed.TotalSeconds:F1} s");
Console.WriteLine($"rounds, outbox/raw seconds: {string.Join("  ", outboxTimes.Zip(rawTimes, (o, r) => $"{o.TotalSeconds:F2}/{r.TotalSeconds:F2}"))}");
Console.WriteLine($"outbox dispatcher to loopback SMTP: {outboxRate:F0} messages/s ({outboxBest.TotalSeconds:F2} s, best of {rounds})");
Console.WriteLine($"raw MailKit, same messages, one connection: {rawRate:F0} messages/s ({rawBest.TotalSeconds:F2} s, best of {rounds})");
Console.WriteLine($"ratio outbox/raw: {outboxRate / rawRate:F2} (goal at least 0.7)");
Console.WriteLine($"duplicates (outbox messages the server received more than once in one round): {duplicates}");
return outboxRate / rawRate >= 0.7 && duplicates == 0 ? 0 : 1;

// Outbox messages the server wrote down more than once, counting from line `skip` of its list.
int Duplicates(int skip) =>
    File.ReadLines(receivedLog).Skip(skip).Where(outboxMessageIds.Contains).GroupBy(id => id).Sum(g => g.Count() - 1);

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

internal sealed class NoticeBenchApp(int smtpPort) : ForumAppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Mail:Smtp:Host"] = "127.0.0.1",
        ["Mail:Smtp:Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
        ["Mail:BatchSize"] = "500",
        ["Mail:PollSeconds"] = "3600",
    };
}
