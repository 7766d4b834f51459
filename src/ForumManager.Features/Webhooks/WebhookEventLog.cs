using System.Globalization;
using System.Text.Json;
using ForumManager.Core.Delegates;
using ForumManager.Core.Integrations;
using ForumManager.Data;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Features.Webhooks;

/// <summary>
/// Writes the events the webhooks tell of, in the caller's change: the save companion for changes made through the
/// change tracker, and the explicit calls of changes made with <c>ExecuteUpdate</c> or <c>ExecuteDelete</c>. Every
/// event is written; one no endpoint is subscribed to is fanned out to nobody and deleted with the old ones.
/// </summary>
public static class WebhookEventLog
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static WebhookEvent Add(ForumDbContext db, int forumId, string type, object data, DateTime nowUtc)
    {
        var row = new WebhookEvent { ForumId = forumId, Type = type, Data = JsonSerializer.Serialize(data, Json), CreatedUtc = nowUtc };
        db.WebhookEvents.Add(row);
        return row;
    }

    /// <summary>The <c>data</c> of a delegate's events: who, and where the registration stands; never personal documents.</summary>
    public static object DelegateData(Delegate record) => new
    {
        delegateId = record.Id,
        reference = record.Reference,
        status = ApiNames.Of(record.Status),
        delegationId = record.DelegationId,
        changeSeq = record.ChangeSeq,
    };

    /// <summary>
    /// The <c>data</c> of the <c>delegate.changed</c> a purge writes for each delegate: the same fields, and
    /// <c>purged: true</c>, so a partner knows to drop what it keeps of the person.
    /// </summary>
    public static object PurgedData(int delegateId, string reference, RegistrationStatus status, int? delegationId, long changeSeq) => new
    {
        delegateId,
        reference,
        status = ApiNames.Of(status),
        delegationId,
        changeSeq,
        purged = true,
    };

    public static string Instant(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// The body sent for an event: <c>type</c>, <c>timestamp</c> and the stored <c>data</c> as it is, written once
    /// when the delivery is made so every try sends the same bytes.
    /// </summary>
    public static string Payload(string type, DateTime createdUtc, string data)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", type);
            writer.WriteString("timestamp", Instant(createdUtc));
            writer.WritePropertyName("data");
            writer.WriteRawValue(data);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
