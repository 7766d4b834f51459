using ForumManager.Core.Accounts;
using ForumManager.Data;
using Microsoft.AspNetCore.Identity;

namespace ForumManager.Features.Accounts;

public sealed record AccountResult(bool Succeeded, bool Created, IReadOnlyList<string> Errors)
{
    public static AccountResult Failed(params string[] errors) => new(false, false, errors);
}

/// <summary>Creates accounts with a role. The <c>add-user</c> verb and the tests use the same code.</summary>
public sealed class UserAccounts(UserManager<ForumUser> users, RoleManager<IdentityRole> roles, TimeProvider clock)
{
    /// <summary>
    /// Creates the account (its email counts as confirmed: an administrator vouches for it) or, when it exists,
    /// gives it the role. The password is only used for a new account.
    /// </summary>
    public async Task<AccountResult> CreateOrAddRoleAsync(string email, string role, string password)
    {
        var roleName = Roles.Normalize(role);
        if (roleName is null)
        {
            return AccountResult.Failed($"Unknown role '{role}'. Use one of: {string.Join(", ", Roles.All)}.");
        }

        email = email.Trim();
        if (!new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email))
        {
            return AccountResult.Failed($"'{email}' is not an email address.");
        }

        await EnsureRolesAsync(roles);
        var user = await users.FindByEmailAsync(email);
        var created = false;
        if (user is null)
        {
            user = new ForumUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                CreatedUtc = clock.GetUtcNow().UtcDateTime,
            };
            var result = await users.CreateAsync(user, password);
            if (!result.Succeeded)
            {
                return AccountResult.Failed(result.Errors.Select(e => e.Description).ToArray());
            }

            created = true;
        }

        if (!await users.IsInRoleAsync(user, roleName))
        {
            var result = await users.AddToRoleAsync(user, roleName);
            if (!result.Succeeded)
            {
                return AccountResult.Failed(result.Errors.Select(e => e.Description).ToArray());
            }
        }

        return new AccountResult(true, created, []);
    }

    /// <summary>Every role the product knows exists in the database (at start-up, and before a role is given).</summary>
    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }
}
