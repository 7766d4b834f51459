namespace ForumManager.Core.Protocol;

/// <summary>A department of the host government a delegation may meet: the provincial commerce department, a city's foreign affairs office.</summary>
public sealed class HostDepartment
{
    public int Id { get; set; }
    public int ForumId { get; set; }
    public required string NameEn { get; set; }
    public required string NameZh { get; set; }

    /// <summary>Where its invitations go.</summary>
    public string? Email { get; set; }

    public string? ContactName { get; set; }

    /// <summary>The language its notices are written in ("zh-Hans" or "en").</summary>
    public string PreferredLanguage { get; set; } = "zh-Hans";
}

public enum MeetingStatus
{
    /// <summary>Asked for, waiting for the organizers.</summary>
    Requested = 0,

    /// <summary>The organizers agreed to hold it; it waits for a time.</summary>
    Accepted = 1,

    Declined = 2,

    /// <summary>A time, room and interpreter are fixed and the parties told.</summary>
    Confirmed = 3,

    /// <summary>It took place and its minutes are recorded.</summary>
    Held = 4,

    Cancelled = 5,
}

/// <summary>What a meeting ended with.</summary>
public enum MeetingOutcome
{
    None = 0,
    AgreementSigned = 1,
    MemorandumSigned = 2,
}

/// <summary>
/// A bilateral meeting between a delegation and a host department or another delegation, from the request to the minutes.
/// </summary>
public sealed class Meeting
{
    public int Id { get; set; }
    public int ForumId { get; set; }

    /// <summary>The delegation that asked (or that an organizer asked for).</summary>
    public int DelegationId { get; set; }

    /// <summary>The other party: a host department or another delegation, exactly one of the two.</summary>
    public int? HostDepartmentId { get; set; }

    public int? PartnerDelegationId { get; set; }

    public required string Topic { get; set; }

    /// <summary>The languages interpreted between, as BCP 47 tags (<c>en-zh</c>); null when the parties share a language.</summary>
    public string? LanguagePair { get; set; }

    public int DurationMinutes { get; set; } = 45;
    public MeetingStatus Status { get; set; }

    /// <summary>Why the organizers declined, told to the delegation.</summary>
    public string? DeclineReason { get; set; }

    /// <summary>Who asked: the account's e-mail address.</summary>
    public required string RequestedBy { get; set; }

    public DateTime RequestedUtc { get; set; }

    public DateTime? StartUtc { get; set; }
    public DateTime? EndUtc { get; set; }
    public int? RoomId { get; set; }

    /// <summary>The interpreter for <see cref="LanguagePair"/>, a guest of kind interpreter.</summary>
    public int? InterpreterGuestId { get; set; }

    /// <summary>Raised on every change the parties are told of; the invitation's SEQUENCE.</summary>
    public int Sequence { get; set; }

    public string? Minutes { get; set; }
    public MeetingOutcome Outcome { get; set; }
    public DateTime? MinutesUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }

    public List<MeetingParticipant> Participants { get; set; } = [];
    public List<MeetingPreference> Preferences { get; set; } = [];
}

/// <summary>Someone who takes part: a delegate of either delegation, or a guest (a host official).</summary>
public sealed class MeetingParticipant
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public int? DelegateId { get; set; }
    public int? GuestId { get; set; }
}

/// <summary>A stretch of time the requester would like the meeting in.</summary>
public sealed class MeetingPreference
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public DateTime FromUtc { get; set; }
    public DateTime ToUtc { get; set; }
}

public static class MeetingRules
{
    public const int MaxTopicLength = 500;
    public const int MaxMinutesLength = 8000;
    public const int MaxReasonLength = 500;
    public const int MinDuration = 15;
    public const int MaxDuration = 240;
    public const int MaxParticipants = 30;
    public const int MaxPreferences = 10;
}
