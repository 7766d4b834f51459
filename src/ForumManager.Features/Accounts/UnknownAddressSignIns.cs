using System.Security.Cryptography;
using System.Text;
using ForumManager.Core.Accounts;
using ForumManager.Core.Delegates;
using ForumManager.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ForumManager.Features.Accounts;

/// <summary>
/// Failed sign-ins with an address that has no account, answered as Identity answers a wrong password: the password is
/// checked against a stand-in hash made by the same hasher, the failure is counted in the database as an account's is,
/// and after the same number of failures the address is "locked out" for the same time. So neither the time taken nor
/// the page shown tells whether an account exists.
/// </summary>
public sealed class UnknownAddressSignIns(ForumDbContext db, IPasswordHasher<ForumUser> hasher, IOptions<IdentityOptions> options, TimeProvider clock)
{
    private static readonly ForumUser Nobody = new();
    private static string? standIn;

    public async Task<SignInResult> FailAsync(string address, string password, CancellationToken ct)
    {
        var lockout = options.Value.Lockout;
        var now = clock.GetUtcNow().UtcDateTime;
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(address.Trim().ToUpperInvariant())));

        // Identity answers a locked account before it looks at the password, so this does not hash either.
        var lockedUntil = await db.UnknownAddressFailures.AsNoTracking().Where(f => f.AddressHash == key).Select(f => f.LockedUntilUtc).SingleOrDefaultAsync(ct);
        if (lockedUntil > now)
        {
            return SignInResult.LockedOut;
        }

        CheckStandIn(password);
        await CountAsync(key, now, ct);

        // The failure that reaches the limit locks the address and starts the count again, in one conditional update.
        var locked = await db.UnknownAddressFailures.Where(f => f.AddressHash == key && f.Failures >= lockout.MaxFailedAccessAttempts)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.Failures, 0).SetProperty(f => f.LockedUntilUtc, now + lockout.DefaultLockoutTimeSpan), ct);
        if (locked == 0)
        {
            return SignInResult.Failed;
        }

        // Locking is rare; it is when the counts of addresses nobody has tried for a day are cleared out.
        var forgotten = now - TimeSpan.FromDays(1);
        await db.UnknownAddressFailures.Where(f => f.LastFailureUtc < forgotten && (f.LockedUntilUtc == null || f.LockedUntilUtc < now)).ExecuteDeleteAsync(ct);
        return SignInResult.LockedOut;
    }

    /// <summary>Spends the time a wrong password costs, whatever the password.</summary>
    public void CheckStandIn(string password)
    {
        standIn ??= hasher.HashPassword(Nobody, InvitationTokens.NewToken());
        hasher.VerifyHashedPassword(Nobody, standIn, password);
    }

    /// <summary>One more failure for the address: an atomic increment, or the first row, whichever two requests race to.</summary>
    private async Task CountAsync(string key, DateTime now, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await db.UnknownAddressFailures.Where(f => f.AddressHash == key)
                    .ExecuteUpdateAsync(s => s.SetProperty(f => f.Failures, f => f.Failures + 1).SetProperty(f => f.LastFailureUtc, now), ct) > 0)
            {
                return;
            }

            var first = new UnknownAddressFailure { AddressHash = key, Failures = 1, LastFailureUtc = now };
            db.UnknownAddressFailures.Add(first);
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException) when (attempt == 1)
            {
                // Another request counted this address's first failure a moment ago: count this one on its row.
                db.Entry(first).State = EntityState.Detached;
            }
        }
    }
}
