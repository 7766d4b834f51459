namespace ForumManager.Core.Accreditation;

/// <summary>
/// A delegate's passport-style photo, as stored: a reduced JPEG with no metadata and a small thumbnail for the desk,
/// both encrypted at rest, and the organizers' review. One per delegate (a unique index); a new upload replaces it and
/// waits for review again.
/// </summary>
public sealed class DelegatePhoto
{
    public int Id { get; set; }
    public int ForumId { get; set; }
    public int DelegateId { get; set; }

    /// <summary>The JPEG (at most <see cref="PhotoRules.MaxWidth"/> × <see cref="PhotoRules.MaxHeight"/>), encrypted with Data Protection.</summary>
    public required byte[] ContentProtected { get; set; }

    /// <summary>A <see cref="PhotoRules.ThumbnailWidth"/> × <see cref="PhotoRules.ThumbnailHeight"/> JPEG for the desk, encrypted the same way.</summary>
    public required byte[] ThumbnailProtected { get; set; }

    public int Width { get; set; }
    public int Height { get; set; }

    public PhotoStatus Status { get; set; }

    /// <summary>Why the organizers refused it, shown to the delegate.</summary>
    public string? RefusalReason { get; set; }

    public DateTime UploadedUtc { get; set; }

    /// <summary>Who gave it: the delegate, or the desk that took it.</summary>
    public required string UploadedBy { get; set; }

    public DateTime? ReviewedUtc { get; set; }
    public string? ReviewedBy { get; set; }

    /// <summary>Raised by every upload, so a photo's address changes with it and no cache shows the old face.</summary>
    public int Version { get; set; }
}

public enum PhotoStatus
{
    Pending = 0,
    Approved = 1,
    Refused = 2,
}

/// <summary>What a photo must be, and what is kept of it.</summary>
public static class PhotoRules
{
    /// <summary>The largest file taken: 10 MB.</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    /// <summary>The most pixels decoded: past this an image is refused from its header, before it is decoded.</summary>
    public const long MaxPixels = 40_000_000;

    /// <summary>The smallest photo after cropping, 3:4.</summary>
    public const int MinWidth = 300;
    public const int MinHeight = 400;

    /// <summary>The stored photo is scaled down to fit this.</summary>
    public const int MaxWidth = 600;
    public const int MaxHeight = 800;

    public const int ThumbnailWidth = 120;
    public const int ThumbnailHeight = 160;

    public const int MaxReasonLength = 500;
}
