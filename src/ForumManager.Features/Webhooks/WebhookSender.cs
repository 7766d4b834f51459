using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;

namespace ForumManager.Features.Webhooks;

/// <summary>What a receiver answered to one try.</summary>
public sealed record WebhookAnswer(bool Delivered, int? StatusCode, string? Excerpt, string? Error, int DurationMs);

/// <summary>
/// Posts deliveries. Two connection pools, one for endpoints that may reach private networks and one for those that
/// may not, so a connection opened for the first is never reused for the second. No redirect is followed, no proxy is
/// used, and each connection goes to the address the guard checked.
/// </summary>
public sealed class WebhookSender : IDisposable
{
    public const string UserAgent = "ForumManager-Webhooks/1";
    private const int ExcerptLength = 1000;

    private readonly HttpClient _public;
    private readonly HttpClient _private;
    private readonly IOptions<WebhookOptions> _options;
    private readonly TimeProvider _clock;
    private readonly bool _production;

    public WebhookSender(IOptions<WebhookOptions> options, TimeProvider clock, IHostEnvironment? environment = null)
    {
        _options = options;
        _clock = clock;
        _production = environment?.IsProduction() == true;
        _public = new HttpClient(Handler(allowPrivate: false)) { Timeout = Timeout.InfiniteTimeSpan };
        _private = new HttpClient(Handler(allowPrivate: true)) { Timeout = Timeout.InfiniteTimeSpan };
    }

    private static SocketsHttpHandler Handler(bool allowPrivate) => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        MaxConnectionsPerServer = 32,
        ConnectCallback = (context, ct) => WebhookAddressGuard.ConnectAsync(context.DnsEndPoint, allowPrivate, ct),
    };

    /// <summary>The error a delivery to a plain http address fails with where only https is sent to.</summary>
    public const string HttpsOnlyError = "Only https addresses are sent to here (production, or Webhooks:RequireHttps); this endpoint's address is http. Change it to https.";

    public async Task<WebhookAnswer> SendAsync(Uri url, bool allowPrivate, string secret, string messageId, string payload, CancellationToken ct)
    {
        // An endpoint saved with http before https was required is refused here too, every try, with a reason to read.
        if (url.Scheme != Uri.UriSchemeHttps && (_production || _options.Value.RequireHttps))
        {
            return new WebhookAnswer(false, null, null, HttpsOnlyError, 0);
        }

        var started = Stopwatch.GetTimestamp();
        var timestamp = _clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(payload, new UTF8Encoding(false), "application/json"),
        };
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        request.Headers.Add("webhook-id", messageId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Sign(secret, messageId, timestamp, payload));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(_options.Value.TimeoutSeconds), _clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            using var response = await (allowPrivate ? _private : _public).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var excerpt = await ExcerptAsync(response, linked.Token);
            var code = (int)response.StatusCode;
            return new WebhookAnswer(code is >= 200 and < 300, code, excerpt, null, Elapsed(started));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new WebhookAnswer(false, null, null, $"No answer within {_options.Value.TimeoutSeconds.ToString(CultureInfo.InvariantCulture)} s.", Elapsed(started));
        }
        catch (HttpRequestException e)
        {
            // The handler wraps what the connection found (a refused address, a refused connection): both are told.
            var inner = e.InnerException is { } cause ? $" ({cause.Message})" : string.Empty;
            return new WebhookAnswer(false, null, null, Clip(e.Message + inner), Elapsed(started));
        }
    }

    private static async Task<string?> ExcerptAsync(HttpResponseMessage response, CancellationToken ct)
    {
        // Only the start is read: a receiver answering with a large body costs no more than this.
        var buffer = new byte[ExcerptLength * 4];
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), ct)) > 0)
        {
            read += n;
        }

        return read == 0 ? null : Clip(Encoding.UTF8.GetString(buffer, 0, read));
    }

    private static string Clip(string text) => text.Length > ExcerptLength ? text[..ExcerptLength] : text;

    private static int Elapsed(long started) => (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds;

    public void Dispose()
    {
        _public.Dispose();
        _private.Dispose();
    }

}
