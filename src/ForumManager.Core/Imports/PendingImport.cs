namespace ForumManager.Core.Imports;

/// <summary>
/// An uploaded file waiting for the organizer to confirm its preview. The file itself is kept, not its parsed rows, so
/// the confirmation checks every row again against the data as it is then.
/// </summary>
public sealed class PendingImport
{
    public Guid Id { get; set; }
    public int ForumId { get; set; }
    public ImportKind Kind { get; set; }
    public required string FileName { get; set; }
    public required byte[] Content { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedUtc { get; set; }
}

public enum ImportKind
{
    Delegates = 0,
    Invitations = 1,
}
