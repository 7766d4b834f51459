using ForumManager.Core.Delegates;
using ForumManager.Core.Notices;

namespace ForumManager.Features.Registration;

/// <summary>Which notice a change of registration status sends.</summary>
public static class RegistrationNotices
{
    public static NoticeKind ForStatus(RegistrationStatus status) => status switch
    {
        RegistrationStatus.Approved => NoticeKind.Approved,
        RegistrationStatus.Rejected => NoticeKind.Rejected,
        RegistrationStatus.Cancelled => NoticeKind.Cancelled,
        RegistrationStatus.Waitlisted => NoticeKind.Waitlisted,
        _ => NoticeKind.RegistrationReceived,
    };
}
