namespace ForumManager.Core.Accreditation;

/// <summary>
/// The security office's answer for one person. It matters only when the forum turns clearance on: then a badge is
/// printed and a scan admits only when the person is <see cref="Cleared"/>.
/// </summary>
public enum ClearanceStatus
{
    /// <summary>Not yet answered by the security office.</summary>
    Pending = 0,
    Cleared = 1,
    Refused = 2,
}

public static class Clearance
{
    /// <summary>Whether the forum's clearance rule lets this person's badge be printed and scanned in.</summary>
    public static bool Admits(bool clearanceRequired, ClearanceStatus status) => !clearanceRequired || status == ClearanceStatus.Cleared;
}
