using ForumManager.Core.Forums;

namespace ForumManager.Core.Programme;

public sealed class Session
{
    public int Id { get; set; }
    public int ForumId { get; set; }
    public SessionType Type { get; set; }
    public required string TitleEn { get; set; }
    public required string TitleZh { get; set; }
    public string? AbstractEn { get; set; }
    public string? AbstractZh { get; set; }
    public int? TrackId { get; set; }
    public Track? Track { get; set; }
    public int? RoomId { get; set; }
    public Room? Room { get; set; }
    public DateTime StartUtc { get; set; }
    public DateTime EndUtc { get; set; }
    public int? Capacity { get; set; }

    /// <summary>Languages spoken, as BCP 47 tags separated by commas (<c>zh,en</c>).</summary>
    public string Languages { get; set; } = "zh,en";

    public bool IsPublic { get; set; } = true;

    /// <summary>How many the organizers expect, for sessions without enrolment (a banquet, a ceremony).</summary>
    public int? ExpectedAttendance { get; set; }

    public InterpretationMode Interpretation { get; set; }

    /// <summary>The language pair interpreted, as BCP 47 tags (<c>zh-en</c> for Chinese↔English).</summary>
    public string? InterpretationLanguages { get; set; }

    /// <summary>Raised on every change that attendees should see; the calendar export's SEQUENCE.</summary>
    public int Sequence { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public List<SessionPerson> People { get; set; } = [];

    /// <summary>Seats taken by enrolment, counted by the database like the forum's places.</summary>
    public int EnrolledCount { get; set; }

    public TimeSpan Duration => EndUtc - StartUtc;
}

public enum SessionType
{
    OpeningCeremony = 0,
    ThemeForum = 1,
    SpecialTopicForum = 2,
    Exhibition = 3,
    Banquet = 4,
    Visit = 5,
    TreePlanting = 6,
    BilateralMeeting = 7,
    PressConference = 8,
    Break = 9,
    ClosingCeremony = 10,
}
