using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ForumManager.Mail;

/// <summary>
/// The outbox's spans and counters, under the app's one name ("ForumManager") that the web project subscribes to.
/// Only System.Diagnostics here: whoever hosts the outbox decides whether anything listens. Nothing personal goes into
/// a span or a tag: a message is known by its outbox id and its purpose (a code such as "registration.received"),
/// never by its recipient or subject.
/// </summary>
public static class OutboxTelemetry
{
    public const string Name = "ForumManager";

    public const string PurposeTag = "forummanager.mail.purpose";
    public const string MessageIdTag = "forummanager.outbox.id";
    public const string GaveUpTag = "forummanager.outbox.gave_up";

    internal static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Messages staged in the outbox (a message whose transaction is rolled back afterwards counts too).</summary>
    public static readonly Counter<long> Queued = Meter.CreateCounter<long>("forummanager.outbox.queued", "{message}", "Messages put in the outbox.");

    public static readonly Counter<long> Sent = Meter.CreateCounter<long>("forummanager.outbox.sent", "{message}", "Messages the mail server accepted.");

    /// <summary>Failed attempts; <see cref="GaveUpTag"/> says whether the message will be tried again.</summary>
    public static readonly Counter<long> Failed = Meter.CreateCounter<long>("forummanager.outbox.failed", "{message}", "Attempts to send a message that failed.");
}
