using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using ForumManager.Testing;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace ForumManager.Mail.Tests;

/// <summary>A real SMTP server on a loopback port that keeps every message it accepts, parsed by MimeKit.</summary>
public sealed class LoopbackSmtpServer : IAsyncDisposable
{
    private readonly Store _store = new();
    private SmtpServer.SmtpServer? _server;
    private CancellationTokenSource? _stop;

    public int Port { get; } = FreePort();

    public IReadOnlyCollection<MimeMessage> Received => _store.Messages;

    /// <summary>Recipients whose mailbox the server refuses with 550.</summary>
    public ISet<string> RefusedRecipients => _store.Refused;

    /// <summary>How long the server takes over each message, to make a batch last long enough to be interrupted.</summary>
    public TimeSpan DelayPerMessage
    {
        get => _store.Delay;
        set => _store.Delay = value;
    }

    public void Start()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new ServiceProvider();
        services.Add((IMessageStore)_store);
        services.Add((IMailboxFilter)_store);
        _server = new SmtpServer.SmtpServer(options, services);
        _stop = new CancellationTokenSource();
        _ = _server.StartAsync(_stop.Token);
    }

    public async Task StopAsync()
    {
        if (_server is null)
        {
            return;
        }

        _server.Shutdown();
        await _stop!.CancelAsync();
        await _server.ShutdownTask.WaitAsync(TimeSpan.FromSeconds(10));
        _server = null;
    }

    public Task<IReadOnlyCollection<MimeMessage>> WaitForAsync(int count, TimeSpan timeout) =>
        Eventually.ReadAsync(() => Task.FromResult(_store.Messages), received => received.Count >= count, timeout, TimeSpan.FromMilliseconds(50));

    public async ValueTask DisposeAsync() => await StopAsync();

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed class Store : MessageStore, IMailboxFilter
    {
        public ConcurrentQueue<MimeMessage> Queue { get; } = new();
        public IReadOnlyCollection<MimeMessage> Messages => Queue.ToArray();
        public ISet<string> Refused { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        public TimeSpan Delay { get; set; }

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay, cancellationToken);
            }

            await using var stream = new MemoryStream(buffer.ToArray());
            Queue.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }

        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) => Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
        {
            lock (Refused)
            {
                return Task.FromResult(!Refused.Contains($"{to.User}@{to.Host}"));
            }
        }
    }
}
