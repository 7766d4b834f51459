namespace ForumManager.Core.Integrations;

/// <summary>
/// An address an outside system gave the organizers, to be told of what happens in the forum. Deliveries follow the
/// Standard Webhooks specification, signed with the endpoint's secret. An endpoint failing for a day is switched off
/// and the organizer who made it is told.
/// </summary>
public sealed class WebhookEndpoint
{
    public int Id { get; set; }
    public int ForumId { get; set; }
    public required string Url { get; set; }
    public string? Description { get; set; }

    /// <summary>The subscribed events (<see cref="WebhookEvents"/>), separated by spaces.</summary>
    public required string Events { get; set; }

    /// <summary>The signing secret (<c>whsec_</c> and base64), encrypted with Data Protection.</summary>
    public required string SecretProtected { get; set; }

    /// <summary>An admin allowed this endpoint to reach loopback or private addresses (a system inside the venue's network).</summary>
    public bool AllowPrivateNetwork { get; set; }

    public bool Enabled { get; set; } = true;
    public DateTime? DisabledUtc { get; set; }
    public string? DisabledReason { get; set; }

    /// <summary>When the endpoint began failing, cleared by the next delivery that succeeds.</summary>
    public DateTime? FailingSinceUtc { get; set; }

    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public string? CreatedByUserId { get; set; }
    public required string CreatedByName { get; set; }

    public IReadOnlyList<string> EventList => Events.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>
/// Something that happened, written in the same transaction as the change it tells of, so it is never lost and never
/// told of a change that was rolled back. The deliverer fans it out to the endpoints subscribed to its type.
/// </summary>
public sealed class WebhookEvent
{
    public long Id { get; set; }
    public int ForumId { get; set; }
    public required string Type { get; set; }

    /// <summary>The event's <c>data</c> object, as JSON.</summary>
    public required string Data { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>Set once its deliveries have been made, by one instance.</summary>
    public DateTime? FannedOutUtc { get; set; }
}

/// <summary>One event on its way to one endpoint; its <see cref="MessageId"/> is the <c>webhook-id</c> every attempt carries.</summary>
public sealed class WebhookDelivery
{
    public long Id { get; set; }
    public int ForumId { get; set; }
    public int EndpointId { get; set; }
    public long EventId { get; set; }
    public required string MessageId { get; set; }
    public required string EventType { get; set; }

    /// <summary>The exact body sent, so that a retry is byte for byte the same and its signature the same message's.</summary>
    public required string Payload { get; set; }

    public WebhookDeliveryState State { get; set; }
    public int Attempts { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime NextAttemptUtc { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTime? ClaimedUntilUtc { get; set; }
    public DateTime? LastAttemptUtc { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastResponseExcerpt { get; set; }
    public string? LastError { get; set; }
    public DateTime? DeliveredUtc { get; set; }
}

public enum WebhookDeliveryState
{
    Pending = 0,
    Delivered = 1,

    /// <summary>Retried for a day without success, or its endpoint was switched off.</summary>
    Failed = 2,
}

/// <summary>One try of a delivery, kept so organizers can see what the receiver answered.</summary>
public sealed class WebhookAttempt
{
    public long Id { get; set; }
    public long DeliveryId { get; set; }
    public DateTime AtUtc { get; set; }
    public int? StatusCode { get; set; }
    public string? ResponseExcerpt { get; set; }
    public string? Error { get; set; }
    public int DurationMs { get; set; }
}

/// <summary>The events an endpoint can subscribe to.</summary>
public static class WebhookEvents
{
    public const string RegistrationCreated = "registration.created";
    public const string RegistrationApproved = "registration.approved";
    public const string RegistrationWaitlisted = "registration.waitlisted";
    public const string RegistrationRejected = "registration.rejected";
    public const string RegistrationCancelled = "registration.cancelled";
    public const string DelegateChanged = "delegate.changed";
    public const string CheckInMade = "checkin.created";
    public const string ProgrammeReleased = "programme.released";
    public const string RoomAllocated = "room.allocated";
    public const string RoomChanged = "room.changed";
    public const string TransferAssigned = "transfer.assigned";
    public const string NoticeFailed = "notice.failed";

    public static readonly IReadOnlyList<string> All =
    [
        RegistrationCreated, RegistrationApproved, RegistrationWaitlisted, RegistrationRejected, RegistrationCancelled,
        DelegateChanged, CheckInMade, ProgrammeReleased, RoomAllocated, RoomChanged, TransferAssigned, NoticeFailed,
    ];
}

/// <summary>
/// The last number given to a kind of change. One UPDATE raises it in the transaction that saves the change, so
/// numbers are given in the order the changes commit, and a client synchronising by them misses none.
/// </summary>
public sealed class ChangeCounter
{
    public required string Name { get; set; }
    public long Value { get; set; }
}
