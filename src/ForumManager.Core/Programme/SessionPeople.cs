namespace ForumManager.Core.Programme;

/// <summary>
/// Someone on the programme who is not a registered delegate: a guest speaker, a host official or an interpreter.
/// </summary>
public sealed class Guest
{
    public int Id { get; set; }
    public int ForumId { get; set; }
    public GuestKind Kind { get; set; }
    public required string NameEn { get; set; }
    public string? NameZh { get; set; }
    public string? TitleEn { get; set; }
    public string? TitleZh { get; set; }
    public string? Organization { get; set; }

    /// <summary>The host department an official belongs to, when they speak for one in bilateral meetings.</summary>
    public int? HostDepartmentId { get; set; }

    /// <summary>An interpreter's language pairs, as BCP 47 tags joined by a hyphen and separated by commas (<c>zh-en,zh-fr</c>).</summary>
    public string? LanguagePairs { get; set; }
}

public enum GuestKind
{
    Speaker = 0,
    Official = 1,
    Interpreter = 2,
}

/// <summary>A person's part in a session: a delegate or a guest, as speaker, moderator, participant or interpreter.</summary>
public sealed class SessionPerson
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public SessionRole Role { get; set; }
    public int? DelegateId { get; set; }
    public int? GuestId { get; set; }
    public Guest? Guest { get; set; }

    /// <summary>Order within the role, smallest first (protocol order for speakers).</summary>
    public int Position { get; set; }

    /// <summary>A speaker's time at the lectern, in minutes; null when not yet given.</summary>
    public int? SpeakingMinutes { get; set; }

    /// <summary>The language a speaker speaks in (BCP 47), for the interpreters' booth; null when not yet known.</summary>
    public string? SpeakingLanguage { get; set; }

    public PersonKey Key => DelegateId is { } d ? new PersonKey(PersonKind.Delegate, d)
        : new PersonKey(Guest?.Kind == GuestKind.Interpreter ? PersonKind.Interpreter : PersonKind.Guest, GuestId ?? 0);
}

public enum SessionRole
{
    Speaker = 0,
    Moderator = 1,
    Participant = 2,
    Interpreter = 3,
}

/// <summary>How long it takes to go from one venue to another, as the organizers set it.</summary>
public sealed class VenueTravelTime
{
    public int Id { get; set; }
    public int ForumId { get; set; }
    public int FromVenueId { get; set; }
    public int ToVenueId { get; set; }
    public int Minutes { get; set; }
}

public enum InterpretationMode
{
    None = 0,
    Simultaneous = 1,
    Consecutive = 2,
}
