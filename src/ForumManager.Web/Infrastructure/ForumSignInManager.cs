using ForumManager.Data;
using ForumManager.Features.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ForumManager.Web.Infrastructure;

/// <summary>
/// Identity's sign-in, except that an address with no account costs what a wrong password costs and is locked out
/// after as many tries, so that neither the time taken nor the pages shown tell whether an account exists.
/// </summary>
public sealed class ForumSignInManager(
    UserManager<ForumUser> users,
    IHttpContextAccessor context,
    IUserClaimsPrincipalFactory<ForumUser> claims,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<ForumUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ForumUser> confirmation,
    UnknownAddressSignIns unknown)
    : SignInManager<ForumUser>(users, context, claims, options, logger, schemes, confirmation)
{
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        if (await UserManager.FindByNameAsync(userName) is not { } user)
        {
            return await unknown.FailAsync(userName, password, Context.RequestAborted);
        }

        // Identity refuses an account without a password (a member's, before they choose one) without hashing anything.
        if (user.PasswordHash is null && !await UserManager.IsLockedOutAsync(user))
        {
            unknown.CheckStandIn(password);
        }

        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }
}
