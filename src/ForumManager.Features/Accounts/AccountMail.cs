using System.Globalization;
using System.Net;
using ForumManager.Data;
using ForumManager.Features;
using ForumManager.Features.Forums;
using ForumManager.Features.Notices;
using ForumManager.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Features.Accounts;

/// <summary>
/// The account mails (confirm address, reset password, a member's sign-in, an address already in use), in the reader's
/// language, through the outbox. The web project hands Identity's own pages to these through its email sender.
/// </summary>
public sealed class AccountMail(MailQueue queue, IStringLocalizerFactory localizers, ForumDbContext db, CurrentForum current,
    NoticeRenderer notices)
{
    /// <summary>
    /// A delegate's confirmation comes from the forum's email-confirmation template, in their language; an account
    /// with no registration in the forum (an organizer, say) gets the plain account mail.
    /// </summary>
    public async Task SendConfirmationLinkAsync(ForumUser user, string email, string confirmationLink)
    {
        if (await current.GetAsync(CancellationToken.None) is { } forum
            && (Saved(forum.Id, user.Id, email) ?? await db.Delegates.AsNoTracking().Include(d => d.Delegation)
                .FirstOrDefaultAsync(d => d.ForumId == forum.Id && (d.UserId == user.Id || d.Email == email))) is { } person)
        {
            var draft = await notices.RenderAsync(forum, person, Core.Notices.NoticeKind.EmailConfirmation,
                new NoticeExtras(ConfirmLink: confirmationLink), CancellationToken.None);
            await queue.EnqueueAsync(draft with { ToAddress = email }, CancellationToken.None);
            return;
        }

        await SendAsync(user, email, "account.confirm-email", "Mail_ConfirmSubject", "Mail_ConfirmBody", "Mail_ConfirmAction", confirmationLink);
    }

    /// <summary>
    /// The registration this request has just saved for the account, as the database holds it: a new registration's
    /// confirmation is sent in the registration's own transaction, and reading the row back would give the same.
    /// </summary>
    private Core.Delegates.Delegate? Saved(int forumId, string userId, string email) =>
        db.ChangeTracker.Entries<Core.Delegates.Delegate>().Where(e => e.State == EntityState.Unchanged).Select(e => e.Entity)
            .FirstOrDefault(d => d.ForumId == forumId && (d.UserId == userId || d.Email == email));

    public Task SendPasswordResetLinkAsync(ForumUser user, string email, string resetLink) =>
        SendAsync(user, email, "account.reset-password", "Mail_ResetSubject", "Mail_ResetBody", "Mail_ResetAction", resetLink);

    /// <summary>To a delegation member the head added: a link to choose a password and so get a sign-in of their own.</summary>
    public Task SendMemberSignInLinkAsync(ForumUser user, string email, string link, Core.Forums.Forum forum, Core.Delegates.Delegate member)
    {
        // Greeted by the name the member reads, in the language their registration asked for, and signed by the forum.
        var chinese = user.PreferredCulture is "zh-Hans";
        var name = chinese && member.NativeName is { } native
            ? native
            : string.Join(' ', new[] { member.Honorific, member.GivenName, member.FamilyName.ToUpperInvariant() }.Where(p => !string.IsNullOrWhiteSpace(p)));
        var forumName = chinese ? forum.NameZh : forum.NameEn;
        return SendAsync(user, email, "account.member-sign-in", "Mail_MemberSubject", "Mail_MemberBody", "Mail_MemberAction", link,
            new Signoff("Mail_MemberSignoff", forumName), name, forumName);
    }

    /// <summary>A closing line after the link, with its own arguments.</summary>
    private sealed record Signoff(string Key, params object[] Arguments);

    public Task SendPasswordResetCodeAsync(ForumUser user, string email, string resetCode) =>
        SendAsync(user, email, "account.reset-code", "Mail_ResetSubject", "Mail_ResetCodeBody", null, resetCode);

    /// <summary>
    /// To the owner of an account that a head of delegation named as a member: what they are asked to join, and a link
    /// to accept or decline it once signed in. Nothing is linked until they accept.
    /// </summary>
    public Task SendMemberInvitationAsync(ForumUser user, Core.Forums.Forum forum, Core.Delegates.Delegation delegation, string headName, string link)
    {
        var chinese = user.PreferredCulture is "zh-Hans";
        return SendAsync(user, user.Email!, "account.member-invitation", "Mail_JoinSubject", "Mail_JoinBody", "Mail_JoinAction", link,
            headName, chinese ? delegation.NameZh : delegation.NameEn, chinese ? forum.NameZh : forum.NameEn);
    }

    /// <summary>
    /// To the owner of an address someone just used to register anew, when it already has an account: nothing was
    /// registered, and this is how to go on. The page the person registering saw says nothing of it.
    /// </summary>
    public Task SendAccountExistsAsync(ForumUser user, Core.Forums.Forum forum, string signInLink) =>
        SendAsync(user, user.Email!, "account.exists", "Mail_AccountExistsSubject", "Mail_AccountExistsBody", "Mail_AccountExistsAction", signInLink,
            user.PreferredCulture is "zh-Hans" ? forum.NameZh : forum.NameEn);

    /// <summary>The same, when the address has no account but is already registered (by a head of delegation or by import).</summary>
    public Task SendAlreadyRegisteredAsync(Core.Delegates.Delegate registration, Core.Forums.Forum forum)
    {
        var stranger = new ForumUser { PreferredCulture = registration.PreferredLanguage, DisplayName = $"{registration.GivenName} {registration.FamilyName}" };
        return SendAsync(stranger, registration.Email, "account.already-registered", "Mail_AccountExistsSubject", "Mail_AlreadyRegisteredBody", null, null,
            registration.PreferredLanguage is "zh-Hans" ? forum.NameZh : forum.NameEn);
    }

    /// <summary>Identity UI's own pages call this one with ready-made HTML; they are kept for account management.</summary>
    public Task SendEmailAsync(string email, string subject, string htmlMessage) =>
        queue.EnqueueAsync(new MailDraft(email, null, subject, HtmlToText(htmlMessage), htmlMessage, "account.manage"), CancellationToken.None);

    private Task SendAsync(ForumUser user, string email, string purpose, string subjectKey, string bodyKey, string? actionKey, string? linkOrCode,
        params object[] bodyArguments) =>
        SendAsync(user, email, purpose, subjectKey, bodyKey, actionKey, linkOrCode, null, bodyArguments);

    private async Task SendAsync(ForumUser user, string email, string purpose, string subjectKey, string bodyKey, string? actionKey, string? linkOrCode,
        Signoff? signoff, params object[] bodyArguments)
    {
        var culture = CultureInfo.GetCultureInfo(user.PreferredCulture is "zh-Hans" ? "zh-Hans" : "en");
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            var text = localizers.Create(typeof(SharedResource));
            var subject = text[subjectKey].Value;
            var body = text[bodyKey, bodyArguments].Value;
            var closing = signoff is null ? null : text[signoff.Key, signoff.Arguments].Value;
            var plain = (linkOrCode is null ? $"{body}\n" : $"{body}\n\n{linkOrCode}\n") + (closing is null ? string.Empty : $"\n{closing}\n");
            var encoded = WebUtility.HtmlEncode(linkOrCode);
            var action = (actionKey, linkOrCode) switch
            {
                (_, null) => string.Empty,
                (null, _) => $"<p><strong><code>{encoded}</code></strong></p>",
                _ => $"<p><a href=\"{encoded}\">{WebUtility.HtmlEncode(text[actionKey].Value)}</a></p><p>{encoded}</p>",
            };
            var paragraphs = string.Concat(body.Split("\n\n").Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>"));
            var signed = closing is null ? string.Empty : $"<p>{WebUtility.HtmlEncode(closing)}</p>";
            var html = $"<!DOCTYPE html><html lang=\"{culture.Name}\"><body>{paragraphs}{action}{signed}</body></html>";
            await queue.EnqueueAsync(new MailDraft(email, user.DisplayName, subject, plain, html, purpose), CancellationToken.None);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static string HtmlToText(string html) =>
        WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", " ")).Trim();
}
