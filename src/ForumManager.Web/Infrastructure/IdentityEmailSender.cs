using ForumManager.Data;
using ForumManager.Features.Accounts;
using Microsoft.AspNetCore.Identity;

namespace ForumManager.Web.Infrastructure;

/// <summary>Identity's own pages send their mails through this, and it hands each to the Accounts feature.</summary>
public sealed class IdentityEmailSender(AccountMail mail) : IEmailSender<ForumUser>, Microsoft.AspNetCore.Identity.UI.Services.IEmailSender
{
    public Task SendConfirmationLinkAsync(ForumUser user, string email, string confirmationLink) => mail.SendConfirmationLinkAsync(user, email, confirmationLink);

    public Task SendPasswordResetLinkAsync(ForumUser user, string email, string resetLink) => mail.SendPasswordResetLinkAsync(user, email, resetLink);

    public Task SendPasswordResetCodeAsync(ForumUser user, string email, string resetCode) => mail.SendPasswordResetCodeAsync(user, email, resetCode);

    public Task SendEmailAsync(string email, string subject, string htmlMessage) => mail.SendEmailAsync(email, subject, htmlMessage);
}
