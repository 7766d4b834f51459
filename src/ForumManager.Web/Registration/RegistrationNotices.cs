using ForumManager.Core.Delegates;
using ForumManager.Core.Forums;
using ForumManager.Mail;
using Delegate = ForumManager.Core.Delegates.Delegate;

namespace ForumManager.Web.Registration;

public enum NoticeKind
{
    Received,
    Waitlisted,
    Approved,
    Rejected,
    Cancelled,
    Promoted,
}

/// <summary>The plain-text notice for each change of a registration, in the delegate's language.</summary>
public static class RegistrationNotices
{
    public static MailDraft For(Delegate registration, Forum forum, NoticeKind kind)
    {
        var language = registration.PreferredLanguage;
        var forumName = language == "zh-Hans" ? forum.NameZh : forum.NameEn;
        var name = $"{registration.Honorific} {registration.GivenName} {registration.FamilyName}".Trim();
        var (subjectKey, bodyKey) = kind switch
        {
            NoticeKind.Received => ("Notice_ReceivedSubject", "Notice_ReceivedBody"),
            NoticeKind.Waitlisted => ("Notice_WaitlistedSubject", "Notice_WaitlistedBody"),
            NoticeKind.Approved => ("Notice_ApprovedSubject", "Notice_ApprovedBody"),
            NoticeKind.Rejected => ("Notice_RejectedSubject", "Notice_RejectedBody"),
            NoticeKind.Cancelled => ("Notice_CancelledSubject", "Notice_CancelledBody"),
            NoticeKind.Promoted => ("Notice_PromotedSubject", "Notice_PromotedBody"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var body = SharedResource.Get(bodyKey, language, name, forumName);
        if (!string.IsNullOrWhiteSpace(registration.StatusReason) && kind is NoticeKind.Rejected or NoticeKind.Waitlisted)
        {
            body += "\n\n" + SharedResource.Get("Notice_Reason", language, registration.StatusReason);
        }

        return new MailDraft(registration.Email, registration.NativeName ?? $"{registration.GivenName} {registration.FamilyName}",
            SharedResource.Get(subjectKey, language, forumName), body, null, "registration." + kind.ToString().ToLowerInvariant());
    }

    public static NoticeKind ForStatus(RegistrationStatus status) => status switch
    {
        RegistrationStatus.Approved => NoticeKind.Approved,
        RegistrationStatus.Rejected => NoticeKind.Rejected,
        RegistrationStatus.Cancelled => NoticeKind.Cancelled,
        RegistrationStatus.Waitlisted => NoticeKind.Waitlisted,
        _ => NoticeKind.Received,
    };
}
