using ForumManager.Core.Delegates;
using ForumManager.Core.Directory;
using ForumManager.Core.Forums;
using ForumManager.Data;
using ForumManager.Mail;
using ForumManager.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Web.Registration;

/// <summary>
/// Invites a delegation's head: finds or makes the delegation (a partner city's, or an institution's), sets its quota,
/// stores the invitation (only the hash of its token) and queues the bilingual mail with the link. The caller saves,
/// inside its own transaction if it has one.
/// </summary>
public sealed class DelegationInvitations(ForumDbContext db, MailQueue mail, PublicLinks links, TimeProvider clock)
{
    /// <summary>The delegation's English name, which is also how a delegation is found again.</summary>
    public static string NameEn(PartnerCity? city, string? institution) => city is null ? institution! : $"Delegation of {city.NameEn}";

    public async Task<Delegation> InviteAsync(Forum forum, PartnerCity? city, string? institution, string? countryCode, string email, int quota,
        string invitedBy, CancellationToken ct)
    {
        var forumId = forum.Id;
        var nameEn = NameEn(city, institution);
        var delegation = db.Delegations.Local.FirstOrDefault(d => d.ForumId == forumId && d.NameEn == nameEn)
            ?? await db.Delegations.SingleOrDefaultAsync(d => d.ForumId == forumId && d.NameEn == nameEn, ct)
            ?? new Delegation
            {
                ForumId = forumId,
                PartnerCityId = city?.Id,
                NameEn = nameEn,
                NameZh = city is null ? institution! : $"{city.NameZh}代表团",
                CountryCode = city?.CountryCode ?? countryCode!.ToUpperInvariant(),
            };
        delegation.Quota = quota;
        if (delegation.Id == 0 && db.Entry(delegation).State == EntityState.Detached)
        {
            db.Delegations.Add(delegation);
        }

        var token = InvitationTokens.NewToken();
        db.Invitations.Add(new Invitation
        {
            ForumId = forumId,
            Delegation = delegation,
            Email = email,
            TokenHash = InvitationTokens.Hash(token),
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
            CreatedBy = invitedBy,
        });
        var link = links.To("/register", new Dictionary<string, string?> { ["invitation"] = token });
        mail.Add(Mail(forum, delegation, email, quota, link));
        return delegation;
    }

    /// <summary>The language of the person invited is not known yet, so the invitation speaks both.</summary>
    private static MailDraft Mail(Forum forum, Delegation delegation, string email, int quota, string link)
    {
        var subject = $"{SharedResource.Get("Invite_MailSubject", "zh-Hans", forum.NameZh)} / {SharedResource.Get("Invite_MailSubject", "en", forum.NameEn)}";
        var body = SharedResource.Get("Invite_MailBody", "zh-Hans", forum.NameZh, delegation.NameZh, quota, link) + "\n\n---\n\n"
            + SharedResource.Get("Invite_MailBody", "en", forum.NameEn, delegation.NameEn, quota, link);
        return new MailDraft(email, null, subject, body, null, "registration.invitation");
    }
}
