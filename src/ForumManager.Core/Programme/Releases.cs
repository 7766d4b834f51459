namespace ForumManager.Core.Programme;

/// <summary>
/// A published version of the programme, as pretalx keeps them: a number, a changelog, and the public sessions as
/// they stood (a JSON snapshot), which is what the public agenda and the exports show until the next release.
/// </summary>
public sealed class ProgrammeRelease
{
    public int Id { get; set; }
    public int ForumId { get; set; }
    public int Version { get; set; }
    public DateTime PublishedUtc { get; set; }
    public required string PublishedBy { get; set; }
    public required string Changelog { get; set; }
    public required string Snapshot { get; set; }
}

/// <summary>A delegate's place in a session with seats, or their place on its waiting list.</summary>
public sealed class Enrolment
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public Session? Session { get; set; }
    public int DelegateId { get; set; }
    public EnrolmentStatus Status { get; set; }
    public DateTime CreatedUtc { get; set; }
}

public enum EnrolmentStatus
{
    Enrolled = 0,
    Waitlisted = 1,
}
