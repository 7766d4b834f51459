using Microsoft.AspNetCore.Identity;

namespace ForumManager.Features.Accounts;

/// <summary>What an account must be: a confirmed, unique address as its name, a long password, a lock after failed tries.</summary>
public static class AccountRules
{
    public static void Apply(IdentityOptions o)
    {
        o.SignIn.RequireConfirmedEmail = true;
        o.SignIn.RequireConfirmedAccount = true;
        o.User.RequireUniqueEmail = true;

        // An account is named by its email address, so its name may hold whatever an address may (o'brien@,
        // josé@, user%tag@): Identity's default letters, digits and -._@+ refused real addresses the
        // forms accept. The address itself is still checked, and matched without regard to case.
        o.User.AllowedUserNameCharacters = string.Empty;
        o.Password.RequiredLength = 10;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireLowercase = false;
        o.Password.RequireDigit = false;
        o.Password.RequiredUniqueChars = 4;
        o.Lockout.AllowedForNewUsers = true;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
    }
}
