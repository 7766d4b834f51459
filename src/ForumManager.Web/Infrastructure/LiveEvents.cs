using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using ForumManager.Features.Instances;

namespace ForumManager.Web.Infrastructure;

/// <summary>
/// Live figures pushed to the browser as server-sent events: the figures once on connecting, then again whenever a
/// signal says the forum's figures moved, on this instance or another (through Redis). A burst of changes is read
/// once, half a second after it begins; a comment every 20 s keeps proxies from closing a quiet stream.
/// </summary>
public static class LiveEvents
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(20);

    public static async Task StreamAsync(HttpContext http, int forumId, string eventName, IReadOnlyList<string> topics, Func<CancellationToken, Task<object>> read)
    {
        var response = http.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-store";
        // Proxies that buffer (nginx) pass each event at once.
        response.Headers["X-Accel-Buffering"] = "no";
        var changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        var forum = forumId.ToString(CultureInfo.InvariantCulture);
        var signals = http.RequestServices.GetRequiredService<IInstanceSignals>();
        var subscriptions = topics.Select(topic => signals.Subscribe(topic, message =>
        {
            if (message == forum)
            {
                changed.Writer.TryWrite(true);
            }
        })).ToList();
        var ct = http.RequestAborted;
        try
        {
            await SendAsync(response, eventName, await read(ct), ct);
            while (!ct.IsCancellationRequested)
            {
                using var quiet = CancellationTokenSource.CreateLinkedTokenSource(ct);
                quiet.CancelAfter(KeepAlive);
                try
                {
                    await changed.Reader.ReadAsync(quiet.Token);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    await response.WriteAsync(": keep-alive\n\n", ct);
                    await response.Body.FlushAsync(ct);
                    continue;
                }

                await Task.Delay(Gather, ct);
                changed.Reader.TryRead(out _);
                await SendAsync(response, eventName, await read(ct), ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The browser went away.
        }
        finally
        {
            foreach (var subscription in subscriptions)
            {
                subscription.Dispose();
            }
        }
    }

    private static async Task SendAsync(HttpResponse response, string eventName, object figures, CancellationToken ct)
    {
        await response.WriteAsync($"event: {eventName}\ndata: {JsonSerializer.Serialize(figures, Json)}\n\n", ct);
        await response.Body.FlushAsync(ct);
    }
}
