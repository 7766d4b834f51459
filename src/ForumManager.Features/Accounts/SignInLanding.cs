using ForumManager.Core.Accounts;
using ForumManager.Data;
using Microsoft.AspNetCore.Identity;

namespace ForumManager.Features.Accounts;

/// <summary>
/// Where a person lands after signing in: the page they were sent from when there was one, otherwise where their
/// role works (organizers and admins the console, staff the desk, delegates their own registration).
/// </summary>
public static class SignInLanding
{
    public static async Task<string> ForAsync(UserManager<ForumUser> users, ForumUser? user, string? returnUrl)
    {
        // The home page is where the sign-in link sits, not a place anyone was sent from.
        if (!string.IsNullOrEmpty(returnUrl) && returnUrl != "/")
        {
            return returnUrl;
        }

        return user is null ? "/" : ForRoles(await users.GetRolesAsync(user));
    }

    public static string ForRoles(IEnumerable<string> roles)
    {
        var held = roles.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return held.Contains(Roles.Admin) || held.Contains(Roles.Organizer) ? "/admin"
            : held.Contains(Roles.Staff) ? "/checkin"
            : held.Contains(Roles.Delegate) ? "/me"
            : "/";
    }
}
