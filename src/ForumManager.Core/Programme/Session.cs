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
