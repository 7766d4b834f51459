using System.Diagnostics;
using System.Diagnostics.Metrics;
using ForumManager.Core.CheckIns;

namespace ForumManager.Features;

/// <summary>
/// The use cases' spans and counters, under the app's one name ("ForumManager"). Only System.Diagnostics: the web
/// project decides whether anything listens and where it goes. Tags carry ids, codes and statuses, never a person's
/// name, address or document.
/// </summary>
public static class FeatureTelemetry
{
    public const string Name = "ForumManager";

    public const string ForumTag = "forummanager.forum.id";
    public const string CheckpointTag = "forummanager.checkpoint.kind";
    public const string FromTag = "forummanager.registration.from";
    public const string ToTag = "forummanager.registration.to";
    public const string ZoneTag = "forummanager.zone.code";

    /// <summary>The "from" of a registration just made.</summary>
    public const string NewRegistration = "New";

    internal static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Check-ins recorded; a backend's rate of this counter is the desks' check-ins per minute.</summary>
    public static readonly Counter<long> CheckIns = Meter.CreateCounter<long>("forummanager.checkins", "{check-in}", "Check-ins recorded at the desks.");

    /// <summary>Registrations that changed status, tagged from and to; a new registration comes from <see cref="NewRegistration"/>.</summary>
    public static readonly Counter<long> RegistrationStatusChanges = Meter.CreateCounter<long>(
        "forummanager.registrations.status_changes", "{registration}", "Registrations that changed status.");

    internal static void CountCheckIn(int forumId, string checkpoint) =>
        CheckIns.Add(1, new KeyValuePair<string, object?>(ForumTag, forumId),
            new KeyValuePair<string, object?>(CheckpointTag, checkpoint == Checkpoints.Main ? "main" : Checkpoints.SessionId(checkpoint) is not null ? "session" : "other"));

    internal static void CountStatusChange(int forumId, string from, string to) =>
        RegistrationStatusChanges.Add(1, new KeyValuePair<string, object?>(ForumTag, forumId),
            new KeyValuePair<string, object?>(FromTag, from), new KeyValuePair<string, object?>(ToTag, to));
}
