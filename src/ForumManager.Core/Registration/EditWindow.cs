using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;

namespace ForumManager.Core.Registration;

/// <summary>Why a delegate may no longer change their own registration, if they may not.</summary>
public enum EditClosed
{
    /// <summary>The registration is cancelled or rejected.</summary>
    NotWhileStatus,

    /// <summary>The edition's deadline for changes has passed.</summary>
    AfterDeadline,
}

/// <summary>The rule for when delegates may edit their own registration, read by /me and by the edit page alike.</summary>
public static class EditWindow
{
    public static EditClosed? WhyClosed(RegistrationStatus status, Forum forum, DateTime nowUtc) =>
        status is RegistrationStatus.Cancelled or RegistrationStatus.Rejected ? EditClosed.NotWhileStatus
        : forum.EditClosesUtc is { } closes && nowUtc >= closes ? EditClosed.AfterDeadline
        : null;
}
