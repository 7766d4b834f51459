using ForumManager.Features.Privacy;

namespace ForumManager.Testing;

/// <summary>Who may open a page: the rows of <see cref="PageTable"/>.</summary>
public enum Access
{
    Anyone,
    SignedIn,
    Delegate,
    Staff,
    Organizer,
    Admin,
}

/// <summary>
/// Every page of the app, who may open it, and a URL to try. The authorization tests prove each row for every kind of
/// visitor and fail for a page without one; the browser tour opens every HTML page of it, so a page added here is also
/// looked at.
/// </summary>
public static class PageTable
{
    /// <summary>Route pattern → who may open it, and a URL to try (for routes with parameters).</summary>
    public static readonly IReadOnlyDictionary<string, (Access Access, string Url)> Pages = new Dictionary<string, (Access Access, string Url)>(StringComparer.OrdinalIgnoreCase)
    {
        [""] = (Access.Anyone, "/"),
        ["error"] = (Access.Anyone, "/error"),
        ["status/{code:int}"] = (Access.Anyone, "/status/404"),
        ["culture"] = (Access.Anyone, "/culture"),
        ["Register"] = (Access.Anyone, "/register"),
        ["Register/Done"] = (Access.Anyone, "/register/done"),
        ["agenda"] = (Access.Anyone, "/agenda"),
        ["agenda/session/{id:int}"] = (Access.Anyone, "/agenda/session/1"),
        ["agenda/schedule.xml"] = (Access.Anyone, "/agenda/schedule.xml"),
        ["agenda/calendar.ics"] = (Access.Anyone, "/agenda/calendar.ics"),
        ["agenda/schedule.json"] = (Access.Anyone, "/agenda/schedule.json"),
        ["agenda/feed/{token}"] = (Access.Anyone, "/agenda/feed/not-a-token"),
        ["agenda/print"] = (Access.Anyone, "/agenda/print"),
        ["Admin/Programme/Release"] = (Access.Organizer, "/admin/programme/release"),
        ["Admin/Programme/Conflicts"] = (Access.Organizer, "/admin/programme/conflicts"),
        ["Admin/Programme/Setup"] = (Access.Organizer, "/admin/programme/setup"),
        ["Admin/Programme/Grid"] = (Access.Organizer, "/admin/programme/grid"),
        ["Me/Agenda"] = (Access.Delegate, "/me/agenda"),
        ["Me/Companions"] = (Access.Delegate, "/me/companions"),
        ["Admin"] = (Access.Organizer, "/admin"),
        ["Admin/Users"] = (Access.Admin, "/admin/users"),
        ["Admin/Delegates"] = (Access.Organizer, "/admin/delegates"),
        ["Admin/Settings"] = (Access.Organizer, "/admin/settings"),
        ["Admin/Delegations"] = (Access.Organizer, "/admin/delegations"),
        ["admin/delegates/export.{format:regex(^(csv|xlsx)$)}"] = (Access.Organizer, "/admin/delegates/export.csv"),
        ["Admin/Reports"] = (Access.Organizer, "/admin/reports"),
        ["admin/reports/{report:regex(^(dietary|accessibility|interpretation|delegations)$)}.{format:regex(^(csv|xlsx)$)?}"] = (Access.Organizer, "/admin/reports/delegations.csv"),
        ["Admin/Delegates/Details/{id:int}"] = (Access.Organizer, "/admin/delegates/details/1"),
        ["Admin/Delegates/Edit/{id:int}"] = (Access.Organizer, "/admin/delegates/edit/1"),
        ["Admin/Delegates/Zones/{id:int}"] = (Access.Organizer, "/admin/delegates/zones/1"),
        ["Admin/Questions"] = (Access.Organizer, "/admin/questions"),
        ["Admin/Import"] = (Access.Organizer, "/admin/import"),
        ["Admin/Clearance"] = (Access.Organizer, "/admin/clearance"),
        ["Admin/Programme"] = (Access.Organizer, "/admin/programme"),
        ["admin/programme/session/{id:int?}"] = (Access.Organizer, "/admin/programme/session"),
        ["Checkin"] = (Access.Staff, "/checkin"),
        ["checkin/badges/{id:int}.pdf"] = (Access.Staff, "/checkin/badges/1.pdf"),
        ["Admin/Badges"] = (Access.Organizer, "/admin/badges"),
        ["Admin/Badges/Preview"] = (Access.Organizer, "/admin/badges/preview?category=Vip&layout=CR80"),
        ["Admin/Badges/Batch/{id:guid}"] = (Access.Organizer, "/admin/badges/batch/00000000-0000-0000-0000-000000000001"),
        ["admin/visa-letters"] = (Access.Organizer, "/admin/visa-letters"),
        ["admin/visa-letters/{id:int}.pdf"] = (Access.Organizer, "/admin/visa-letters/1.pdf"),
        ["me/visa-letter.pdf"] = (Access.Delegate, "/me/visa-letter.pdf"),
        ["Admin/Notices"] = (Access.Organizer, "/admin/notices"),
        ["Admin/Notices/Template"] = (Access.Organizer, "/admin/notices/template?kind=Approved&language=zh-Hans"),
        ["Admin/Notices/Send"] = (Access.Organizer, "/admin/notices/send"),
        ["Admin/Notices/Batch/{id:int}"] = (Access.Organizer, "/admin/notices/batch/1"),
        ["Me"] = (Access.Delegate, "/me"),
        ["me/data.json"] = (Access.Delegate, "/me/data.json"),
        ["Me/Delegation"] = (Access.Delegate, "/me/delegation"),
        ["Me/Edit"] = (Access.Delegate, "/me/edit"),
        ["Me/Travel"] = (Access.Delegate, "/me/travel"),
        ["admin/hotels"] = (Access.Organizer, "/admin/hotels"),
        ["admin/hotels/{id:int}"] = (Access.Organizer, "/admin/hotels/1"),
        ["admin/hotels/{id:int}/rooming.{format:regex(^(xlsx|pdf)$)}"] = (Access.Organizer, "/admin/hotels/1/rooming.xlsx"),
        ["admin/transfers"] = (Access.Organizer, "/admin/transfers"),
        ["admin/venues"] = (Access.Organizer, "/admin/venues"),
        ["admin/zones"] = (Access.Organizer, "/admin/zones"),
        ["admin/delegates/travel/{id:int}"] = (Access.Organizer, "/admin/delegates/travel/1"),
        ["admin/transfers/wave/{id:int}"] = (Access.Organizer, "/admin/transfers/wave/1"),
        ["admin/transfers/manifest/{id:int}.{format:regex(^(xlsx|pdf)$)}"] = (Access.Organizer, "/admin/transfers/manifest/1.pdf"),
        ["me/delegation/member/{id:int}"] = (Access.Delegate, "/me/delegation/member/1"),
        ["Me/Photo"] = (Access.Delegate, "/me/photo"),
        ["admin/photos"] = (Access.Organizer, "/admin/photos"),
        ["checkin/photo/{id:int}"] = (Access.Staff, "/checkin/photo/1"),

        // Its owner, staff and organizers; anyone else signed in is told there is no such photo (404), as PhotoTests prove.
        ["photos/{id:int}.jpg"] = (Access.SignedIn, "/photos/1.jpg"),

        ["Identity/Account/AccessDenied"] = (Access.Anyone, "/Identity/Account/AccessDenied"),
        ["Identity/Account/ConfirmEmail"] = (Access.Anyone, "/Identity/Account/ConfirmEmail"),
        ["Identity/Account/ConfirmEmailChange"] = (Access.Anyone, "/Identity/Account/ConfirmEmailChange"),
        ["Identity/Account/ExternalLogin"] = (Access.Anyone, "/Identity/Account/ExternalLogin"),
        ["Identity/Account/ForgotPassword"] = (Access.Anyone, "/Identity/Account/ForgotPassword"),
        ["Identity/Account/ForgotPasswordConfirmation"] = (Access.Anyone, "/Identity/Account/ForgotPasswordConfirmation"),
        ["Identity/Account/Lockout"] = (Access.Anyone, "/Identity/Account/Lockout"),
        ["Identity/Account/Login"] = (Access.Anyone, "/Identity/Account/Login"),
        ["Identity/Account/LoginWith2fa"] = (Access.Anyone, "/Identity/Account/LoginWith2fa"),
        ["Identity/Account/LoginWithRecoveryCode"] = (Access.Anyone, "/Identity/Account/LoginWithRecoveryCode"),
        ["Identity/Account/Logout"] = (Access.Anyone, "/Identity/Account/Logout"),
        ["Identity/Account/Register"] = (Access.Anyone, "/Identity/Account/Register"),
        ["Identity/Account/RegisterConfirmation"] = (Access.Anyone, "/Identity/Account/RegisterConfirmation"),
        ["Identity/Account/ResendEmailConfirmation"] = (Access.Anyone, "/Identity/Account/ResendEmailConfirmation"),
        ["Identity/Account/ResetPassword"] = (Access.Anyone, "/Identity/Account/ResetPassword"),
        ["Identity/Account/ResetPasswordConfirmation"] = (Access.Anyone, "/Identity/Account/ResetPasswordConfirmation"),
        ["Identity/Account/JoinDelegation"] = (Access.SignedIn, "/Identity/Account/JoinDelegation"),
        ["Identity/Error"] = (Access.Anyone, "/Identity/Error"),

        ["Identity/Account/Manage"] = (Access.SignedIn, "/Identity/Account/Manage"),
        ["Identity/Account/Manage/ChangePassword"] = (Access.SignedIn, "/Identity/Account/Manage/ChangePassword"),
        ["Identity/Account/Manage/DeletePersonalData"] = (Access.SignedIn, "/Identity/Account/Manage/DeletePersonalData"),
        ["Identity/Account/Manage/Disable2fa"] = (Access.SignedIn, "/Identity/Account/Manage/Disable2fa"),
        ["Identity/Account/Manage/DownloadPersonalData"] = (Access.SignedIn, "/Identity/Account/Manage/DownloadPersonalData"),
        ["Identity/Account/Manage/Email"] = (Access.SignedIn, "/Identity/Account/Manage/Email"),
        ["Identity/Account/Manage/EnableAuthenticator"] = (Access.SignedIn, "/Identity/Account/Manage/EnableAuthenticator"),
        ["Identity/Account/Manage/ExternalLogins"] = (Access.SignedIn, "/Identity/Account/Manage/ExternalLogins"),
        ["Identity/Account/Manage/GenerateRecoveryCodes"] = (Access.SignedIn, "/Identity/Account/Manage/GenerateRecoveryCodes"),
        ["Identity/Account/Manage/PersonalData"] = (Access.SignedIn, "/Identity/Account/Manage/PersonalData"),
        ["Identity/Account/Manage/ResetAuthenticator"] = (Access.SignedIn, "/Identity/Account/Manage/ResetAuthenticator"),
        ["Identity/Account/Manage/SetPassword"] = (Access.SignedIn, "/Identity/Account/Manage/SetPassword"),
        ["Identity/Account/Manage/ShowRecoveryCodes"] = (Access.SignedIn, "/Identity/Account/Manage/ShowRecoveryCodes"),
        ["Identity/Account/Manage/TwoFactorAuthentication"] = (Access.SignedIn, "/Identity/Account/Manage/TwoFactorAuthentication"),
    };
}
