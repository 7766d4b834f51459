using System.Globalization;
using System.Net;
using ForumManager.Data;
using ForumManager.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ForumManager.Web.Accounts;

/// <summary>Identity's account mails (confirm address, reset password), in the reader's language, through the outbox.</summary>
public sealed class IdentityMailSender(MailQueue queue, IStringLocalizerFactory localizers, ForumDbContext db, Infrastructure.CurrentForum current,
    Notices.NoticeRenderer notices)
    : IEmailSender<ForumUser>, Microsoft.AspNetCore.Identity.UI.Services.IEmailSender
{
    /// <summary>
    /// A delegate's confirmation comes from the forum's email-confirmation template, in their language; an account
    /// with no registration in the forum (an organizer, say) gets the plain account mail.
    /// </summary>
    public async Task SendConfirmationLinkAsync(ForumUser user, string email, string confirmationLink)
    {
        if (await current.GetAsync(CancellationToken.None) is { } forum
            && await db.Delegates.AsNoTracking().Include(d => d.Delegation)
                .FirstOrDefaultAsync(d => d.ForumId == forum.Id && (d.UserId == user.Id || d.Email == email)) is { } person)
        {
            var draft = await notices.RenderAsync(forum, person, Core.Notices.NoticeKind.EmailConfirmation,
                new Notices.NoticeExtras(ConfirmLink: confirmationLink), CancellationToken.None);
            await queue.EnqueueAsync(draft with { ToAddress = email }, CancellationToken.None);
            return;
        }

        await SendAsync(user, email, "account.confirm-email", "Mail_ConfirmSubject", "Mail_ConfirmBody", "Mail_ConfirmAction", confirmationLink);
    }

    public Task SendPasswordResetLinkAsync(ForumUser user, string email, string resetLink) =>
        SendAsync(user, email, "account.reset-password", "Mail_ResetSubject", "Mail_ResetBody", "Mail_ResetAction", resetLink);

    /// <summary>To a delegation member the head added: a link to choose a password and so get a sign-in of their own.</summary>
    public Task SendMemberSignInLinkAsync(ForumUser user, string email, string link) =>
        SendAsync(user, email, "account.member-sign-in", "Mail_MemberSubject", "Mail_MemberBody", "Mail_MemberAction", link);

    public Task SendPasswordResetCodeAsync(ForumUser user, string email, string resetCode) =>
        SendAsync(user, email, "account.reset-code", "Mail_ResetSubject", "Mail_ResetCodeBody", null, resetCode);

    /// <summary>Identity UI's own pages call this one with ready-made HTML; they are kept for account management.</summary>
    public Task SendEmailAsync(string email, string subject, string htmlMessage) =>
        queue.EnqueueAsync(new MailDraft(email, null, subject, HtmlToText(htmlMessage), htmlMessage, "account.manage"), CancellationToken.None);

    private async Task SendAsync(ForumUser user, string email, string purpose, string subjectKey, string bodyKey, string? actionKey, string linkOrCode)
    {
        var culture = CultureInfo.GetCultureInfo(user.PreferredCulture is "zh-Hans" ? "zh-Hans" : "en");
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            var text = localizers.Create(typeof(SharedResource));
            var subject = text[subjectKey].Value;
            var body = text[bodyKey].Value;
            var plain = $"{body}\n\n{linkOrCode}\n";
            var encoded = WebUtility.HtmlEncode(linkOrCode);
            var action = actionKey is null
                ? $"<p><strong><code>{encoded}</code></strong></p>"
                : $"<p><a href=\"{encoded}\">{WebUtility.HtmlEncode(text[actionKey].Value)}</a></p><p>{encoded}</p>";
            var html = $"<!DOCTYPE html><html lang=\"{culture.Name}\"><body><p>{WebUtility.HtmlEncode(body)}</p>{action}</body></html>";
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
