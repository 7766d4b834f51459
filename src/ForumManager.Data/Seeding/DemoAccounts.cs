using System.Security.Cryptography;
using ForumManager.Core.Accounts;
using ForumManager.Core.Delegates;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ForumManager.Data.Seeding;

/// <summary>One account of the demo forum that a newcomer can sign in with, and what it lets them try.</summary>
public sealed record DemoAccount(string Email, string Role, string Description);

/// <summary>
/// One account per role of the demo forum, so that a newcomer can try every part of the product right after the first
/// start: an admin, an organizer, desk staff, an approved delegate and the approved head of a delegation. The delegate
/// and the head are real registrations of the demo forum, which sign in with these accounts. All five share one
/// password, generated when they are made and never stored in the clear: the host prints it then, in Development only.
/// </summary>
public sealed class DemoAccounts(ForumDbContext db, UserManager<ForumUser> users)
{
    public const string Domain = "demo.example.org";

    public static readonly IReadOnlyList<DemoAccount> All =
    [
        new($"admin@{Domain}", Roles.Admin, "admin, lands on /admin"),
        new($"organizer@{Domain}", Roles.Organizer, "organizer, lands on /admin"),
        new($"staff@{Domain}", Roles.Staff, "desk staff, lands on /checkin"),
        new($"delegate@{Domain}", Roles.Delegate, "approved delegate, lands on /me"),
        new($"head@{Domain}", Roles.Delegate, "head of a delegation, lands on /me"),
    ];

    public static DemoAccount Delegate => All[3];
    public static DemoAccount Head => All[4];

    /// <summary>Whether the demo accounts were made in this database (on an earlier start or this one).</summary>
    public Task<bool> ExistAsync(CancellationToken ct) =>
        db.Users.AnyAsync(u => u.NormalizedEmail == users.NormalizeEmail(All[0].Email), ct);

    /// <summary>
    /// Makes the accounts when the demo forum is there and they are not yet.
    /// </summary>
    /// <returns>The password they were given, or null when nothing was made (they exist, or there is no demo forum).</returns>
    public async Task<string?> EnsureAsync(DateTime nowUtc, CancellationToken ct)
    {
        var forum = await db.Forums.AsNoTracking().SingleOrDefaultAsync(f => f.Acronym == DemoForumSeeder.Acronym, ct);
        if (forum is null || await ExistAsync(ct))
        {
            return null;
        }

        var approved = db.Delegates.Where(d => d.ForumId == forum.Id && d.Status == RegistrationStatus.Approved
            && d.UserId == null && d.DelegationId != null).OrderBy(d => d.Id);
        var head = await approved.FirstOrDefaultAsync(d => d.Category == DelegateCategory.HeadOfDelegation, ct);
        if (head is null)
        {
            return null;
        }

        // A member of the head's own delegation when there is one, so the head's page shows a member who can sign in.
        var member = await approved.Where(d => d.Category == DelegateCategory.Delegate).OrderBy(d => d.DelegationId == head.DelegationId ? 0 : 1).ThenBy(d => d.Id).FirstOrDefaultAsync(ct);
        if (member is null)
        {
            return null;
        }

        var password = NewPassword();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var account in All)
        {
            var registration = account == Delegate ? member : account == Head ? head : null;
            var user = new ForumUser
            {
                UserName = account.Email,
                Email = account.Email,
                EmailConfirmed = true,
                DisplayName = registration is null ? null : $"{registration.GivenName} {registration.FamilyName}",
                PreferredCulture = registration?.PreferredLanguage ?? "en",
                CreatedUtc = nowUtc,
            };
            Check(await users.CreateAsync(user, password), account);
            Check(await users.AddToRoleAsync(user, account.Role), account);
            if (registration is not null)
            {
                registration.UserId = user.Id;
                registration.Email = account.Email;
            }
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return password;
    }

    /// <summary>Sixteen letters and digits in groups of four: easy to copy from a console, hard to guess.</summary>
    private static string NewPassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        var letters = RandomNumberGenerator.GetString(alphabet, 16);
        return string.Join('-', letters.Chunk(4).Select(c => new string(c)));
    }

    private static void Check(IdentityResult result, DemoAccount account)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The demo account {account.Email} could not be made: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
