using ForumManager.Core.Delegates;
using ForumManager.Core.Directory;
using ForumManager.Core.Forums;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Forums;
using ForumManager.Mail;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Features.Registration;

public enum InvitationOutcome
{
    Invited,

    /// <summary>The address already had the open invitation for this delegation: it was sent again, with a new link.</summary>
    SentAgain,

    /// <summary>The address has an open invitation for another delegation; nothing changed.</summary>
    AlreadyInvited,

    /// <summary>The address already heads a delegation of this edition; nothing changed.</summary>
    AlreadyHeads,
}

/// <summary>What an invitation did; <see cref="Delegation"/> is the delegation it is for, or the other one when refused.</summary>
public sealed record InvitationResult(InvitationOutcome Outcome, Delegation Delegation)
{
    public bool Sent => Outcome is InvitationOutcome.Invited or InvitationOutcome.SentAgain;
}

/// <summary>
/// Invites a delegation's head: finds or makes the delegation (a partner city's, or an institution's), sets its quota,
/// stores the invitation (only the hash of its token) and queues the bilingual mail with the link. The caller saves,
/// inside its own transaction if it has one.
/// </summary>
/// <remarks>
/// An address has one open invitation per edition (a unique index says so, whatever arrives at once). Inviting it again
/// for the same delegation sends that invitation again, since that is what an organizer who invites twice wants, with a
/// new link (only the hash of the first is kept) that replaces the old one. Inviting it for another delegation, or
/// inviting someone who already heads one, is refused: it would make a second delegation for the same person.
/// </remarks>
public sealed class DelegationInvitations(ForumDbContext db, MailQueue mail, PublicLinks links, TimeProvider clock)
{
    /// <summary>The delegation's English name, which is also how a delegation is found again.</summary>
    public static string NameEn(PartnerCity? city, string? institution) => city is null ? institution! : $"Delegation of {city.NameEn}";

    public async Task<InvitationResult> InviteAsync(Forum forum, PartnerCity? city, string? institution, string? countryCode, string email, int quota,
        string invitedBy, CancellationToken ct)
    {
        var forumId = forum.Id;
        var nameEn = NameEn(city, institution);
        var open = await db.Invitations.Include(i => i.Delegation)
            .SingleOrDefaultAsync(i => i.ForumId == forumId && i.Email == email && i.AcceptedUtc == null, ct);
        if (await RefusalAsync(forumId, nameEn, email, open, ct) is { } refused)
        {
            return refused;
        }

        var delegation = open?.Delegation
            ?? db.Delegations.Local.FirstOrDefault(d => d.ForumId == forumId && d.NameEn == nameEn)
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
        if (open is not null)
        {
            open.TokenHash = InvitationTokens.Hash(token);
        }
        else
        {
            db.Invitations.Add(new Invitation
            {
                ForumId = forumId,
                Delegation = delegation,
                Email = email,
                TokenHash = InvitationTokens.Hash(token),
                CreatedUtc = clock.GetUtcNow().UtcDateTime,
                CreatedBy = invitedBy,
            });
        }

        var link = links.To("/register", new Dictionary<string, string?> { ["invitation"] = token });
        mail.Add(Mail(forum, delegation, email, quota, link));
        return new InvitationResult(open is null ? InvitationOutcome.Invited : InvitationOutcome.SentAgain, delegation);
    }

    /// <summary>
    /// Why inviting <paramref name="email"/> to head the delegation named <paramref name="nameEn"/> would be refused, or
    /// null when it would be sent (first or again). Nothing changes: the import checks its rows with this before anything
    /// is confirmed.
    /// </summary>
    public Task<InvitationResult?> RefusalAsync(int forumId, string nameEn, string email, CancellationToken ct) =>
        RefusalAsync(forumId, nameEn, email, open: null, ct);

    private async Task<InvitationResult?> RefusalAsync(int forumId, string nameEn, string email, Invitation? open, CancellationToken ct)
    {
        open ??= await db.Invitations.AsNoTracking().Include(i => i.Delegation)
            .SingleOrDefaultAsync(i => i.ForumId == forumId && i.Email == email && i.AcceptedUtc == null, ct);
        if (open is not null)
        {
            return open.Delegation!.NameEn == nameEn ? null : new InvitationResult(InvitationOutcome.AlreadyInvited, open.Delegation);
        }

        var headed = await db.Delegates.AsNoTracking()
            .Where(d => d.ForumId == forumId && d.Email == email && d.Category == DelegateCategory.HeadOfDelegation && d.DelegationId != null
                && d.Status != RegistrationStatus.Cancelled && d.Status != RegistrationStatus.Rejected)
            .Select(d => d.Delegation).FirstOrDefaultAsync(ct);
        return headed is null ? null : new InvitationResult(InvitationOutcome.AlreadyHeads, headed);
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
