using ForumManager.Data;
using ForumManager.Features.Forums;
using Microsoft.AspNetCore.Identity;

namespace ForumManager.Features.Accounts;

/// <summary>The mail that confirms an account's address, sent on registration and again on request.</summary>
public sealed class AccountConfirmation(UserManager<ForumUser> users, AccountMail mail, PublicLinks links)
{
    public async Task SendAsync(ForumUser user)
    {
        var code = AccountTokens.Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        var link = links.To("/Identity/Account/ConfirmEmail", new Dictionary<string, string?> { ["userId"] = user.Id, ["code"] = code });
        await mail.SendConfirmationLinkAsync(user, user.Email!, link);
    }
}
