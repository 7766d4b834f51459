using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ForumManager.Core.Delegates;
using ForumManager.Core.Mail;
using ForumManager.Core.Notices;
using ForumManager.Data;
using ForumManager.Mail;
using ForumManager.Testing;
using ForumManager.Web.Notices;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Delegate = ForumManager.Core.Delegates.Delegate;

// 1,000 personalised notices, each with the delegate's agenda as an .ics attachment, rendered from the templates and
// queued in the outbox; then the time the outbox dispatcher takes to deliver them all to an SMTP server on loopback
// (Debian's aiosmtpd), next to raw MailKit sending the very same messages over one connection to the same server in
// the same run. A message counts as delivered when the server has answered 250 to it, for both.
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
const int Warmup = 100;
var port = FreePort();
using var server = Process.Start(new ProcessStartInfo("/usr/bin/python3", ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Sink"])
{
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
var warmIds = ids.Take(Warmup).ToList();
var later = DateTime.UtcNow.AddDays(1);
await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.ToAddress.EndsWith("@bench.example.org") && !warmIds.Contains(m.Id)).ExecuteUpdateAsync(u => u.SetProperty(m => m.NextAttemptUtc, later)));
while (await dispatcher.DispatchDueAsync(CancellationToken.None) > 0)
{
}

var timedIds = ids.Skip(Warmup).ToList();
await app.WithDbAsync(db => db.OutboxMessages.Where(m => timedIds.Contains(m.Id)).ExecuteUpdateAsync(u => u.SetProperty(m => m.NextAttemptUtc, DateTime.UtcNow.AddMinutes(-1))));
var warmMessages = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => warmIds.Contains(m.Id)).Select(m => m.MimeContent).ToListAsync());
var messages = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => timedIds.Contains(m.Id)).Select(m => m.MimeContent).ToListAsync());
var averageKb = messages.Average(m => m.Length) / 1024.0;

var outbox = Stopwatch.StartNew();
while (await dispatcher.DispatchDueAsync(CancellationToken.None) > 0)
{
}

outbox.Stop();
var delivered = await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => timedIds.Contains(m.Id) && m.Status == OutboxStatus.Sent));
if (delivered != count)
{
    Console.WriteLine($"only {delivered} of {count} were delivered");
    return 1;
}

var mimes = new List<MimeMessage>();
foreach (var bytes in messages)
{
    mimes.Add(await MimeMessage.LoadAsync(new MemoryStream(bytes)));
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

var warmMimes = new List<MimeMessage>();
foreach (var bytes in warmMessages)
{
    warmMimes.Add(await MimeMessage.LoadAsync(new MemoryStream(bytes)));
}

await SendRawAsync(warmMimes);
var raw = Stopwatch.StartNew();
await SendRawAsync(mimes);

raw.Stop();
server.Kill();

var outboxRate = count / outbox.Elapsed.TotalSeconds;
var rawRate = count / raw.Elapsed.TotalSeconds;
Console.WriteLine($"{count} personalised notices with an .ics attachment ({averageKb:F1} KB each) after {Warmup} untimed for each sender; {count + Warmup} rendered from the templates and queued in {render.Elapsed.TotalSeconds:F1} s");
Console.WriteLine($"outbox dispatcher to loopback SMTP: {outboxRate:F0} messages/s ({outbox.Elapsed.TotalSeconds:F2} s)");
Console.WriteLine($"raw MailKit, same messages, one connection: {rawRate:F0} messages/s ({raw.Elapsed.TotalSeconds:F2} s)");
Console.WriteLine($"ratio outbox/raw: {outboxRate / rawRate:F2} (goal at least 0.7)");
return outboxRate / rawRate >= 0.7 ? 0 : 1;

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
