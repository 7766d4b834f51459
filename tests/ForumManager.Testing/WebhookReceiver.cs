using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ForumManager.Testing;

/// <summary>
/// A receiving system on a loopback port, as an outside integrator would write one: it checks every delivery's
/// Standard Webhooks signature with its own code (not the app's), refuses one older than five minutes, and keeps each
/// message once by its webhook-id. Tests script its answers (a 500, a timeout) before the 200 it gives otherwise.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly ConcurrentQueue<Func<HttpListenerContext, Task>> _script = new();
    private readonly ConcurrentDictionary<string, Received> _messages = new();
    private readonly ConcurrentBag<string> _refused = [];
    private int _requests;

    public WebhookReceiver(Func<DateTimeOffset>? now = null)
    {
        Now = now ?? (() => DateTimeOffset.UtcNow);
        Port = LoopbackPorts.Free();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ListenAsync);
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/hooks";

    /// <summary>The secret to check signatures with, as the page showed it once.</summary>
    public string? Secret { get; set; }

    public Func<DateTimeOffset> Now { get; set; }

    /// <summary>Whether every answer is a 500 (a receiver that is down), until set back.</summary>
    public bool Down { get; set; }

    /// <summary>How many requests arrived, whatever was answered.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>The messages kept, each once, by webhook-id.</summary>
    public IReadOnlyCollection<Received> Messages => [.. _messages.Values];

    /// <summary>Why deliveries were refused (bad signature, too old).</summary>
    public IReadOnlyCollection<string> Refused => [.. _refused];

    public void AnswerNextWith(HttpStatusCode status) => _script.Enqueue(async c =>
    {
        c.Response.StatusCode = (int)status;
        await WriteAsync(c, "scripted failure");
    });

    /// <summary>The next request is read and kept, then answered only after <paramref name="delay"/>: the sender's timeout ends it first.</summary>
    public void StallNext(TimeSpan delay) => _script.Enqueue(async c =>
    {
        await Task.Delay(delay);
        c.Response.StatusCode = 200;
        await WriteAsync(c, "late");
    });

    private async Task ListenAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        Interlocked.Increment(ref _requests);
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var id = context.Request.Headers["webhook-id"] ?? string.Empty;
            var timestamp = context.Request.Headers["webhook-timestamp"] ?? string.Empty;
            var signature = context.Request.Headers["webhook-signature"] ?? string.Empty;
            var problem = Verify(Secret ?? string.Empty, id, timestamp, signature, body, Now());
            if (problem is not null)
            {
                _refused.Add(problem);
                context.Response.StatusCode = 400;
                await WriteAsync(context, problem);
                return;
            }

            if (_script.TryDequeue(out var scripted))
            {
                // A receiver that failed or took too long has not processed the message: it is not kept.
                await scripted(context);
                return;
            }

            if (Down)
            {
                context.Response.StatusCode = 500;
                await WriteAsync(context, "down for maintenance");
                return;
            }

            _messages.AddOrUpdate(id, _ => new Received(id, body, context.Request.UserAgent, context.Request.ContentType, 1), (_, r) => r with { Times = r.Times + 1 });
            context.Response.StatusCode = 204;
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException)
        {
            // The sender gave up on this request (its timeout); nothing to answer.
        }
    }

    private static async Task WriteAsync(HttpListenerContext context, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    /// <summary>
    /// The receiver's own check of a Standard Webhooks delivery: HMAC-SHA256 over <c>id.timestamp.body</c> with the
    /// base64 key after <c>whsec_</c>, compared in constant time with each <c>v1,</c> signature given; a timestamp more
    /// than five minutes from now is a replay. Returns why it is refused, or null.
    /// </summary>
    public static string? Verify(string secret, string id, string timestamp, string signatures, string body, DateTimeOffset now)
    {
        if (id.Length == 0 || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return "missing headers";
        }

        if ((now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > Tolerance)
        {
            return "timestamp outside tolerance";
        }

        var key = Convert.FromBase64String(secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret[6..] : secret);
        var expected = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"));
        foreach (var given in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (given.StartsWith("v1,", StringComparison.Ordinal)
                && CryptographicOperations.FixedTimeEquals(expected, TryBase64(given[3..])))
            {
                return null;
            }
        }

        return "bad signature";
    }

    private static byte[] TryBase64(string text)
    {
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return [];
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }

    /// <summary>A message kept once, and how many times it arrived with a 2xx answer.</summary>
    public sealed record Received(string Id, string Body, string? UserAgent, string? ContentType, int Times)
    {
        private JsonElement Root => JsonDocument.Parse(Body).RootElement;

        public string Type => Root.GetProperty("type").GetString()!;

        public JsonElement Data => Root.GetProperty("data");
    }
}
