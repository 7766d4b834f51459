using ForumManager.Core.Delegates;
using ForumManager.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ForumManager.Web.Accounts;

/// <summary>
/// Failed sign-ins with an address that has no account, answered as Identity answers a wrong password: the password is
/// checked against a stand-in hash made by the same hasher (so it takes as long), and after the same number of failures
/// the address is "locked out" for the same time.
/// </summary>
/// <remarks>
/// The failures are counted in memory, per address, for a day after the last one and for at most 100,000 addresses at a
/// time (the sign-in rate limit per client bounds how fast they come). With several instances each counts its own until
/// the counters move to the shared cache with the rate limits.
/// </remarks>
public sealed class UnknownAddressSignIns(IPasswordHasher<ForumUser> hasher, IOptions<IdentityOptions> options, TimeProvider clock) : IDisposable
{
    private static readonly ForumUser Nobody = new();
    private readonly MemoryCache failures = new(new MemoryCacheOptions { SizeLimit = 100_000 });
    private readonly Lazy<string> standIn = new(() => hasher.HashPassword(Nobody, InvitationTokens.NewToken()));

    public SignInResult Fail(string address, string password)
    {
        var lockout = options.Value.Lockout;
        var now = clock.GetUtcNow();
        var counter = failures.GetOrCreate(address.Trim().ToUpperInvariant(), entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = TimeSpan.FromDays(1);
            return new Counter();
        })!;

        lock (counter)
        {
            // Identity answers a locked account before it looks at the password, so this does not hash either.
            if (counter.LockedUntil > now)
            {
                return SignInResult.LockedOut;
            }
        }

        CheckStandIn(password);
        lock (counter)
        {
            if (++counter.Failures < lockout.MaxFailedAccessAttempts)
            {
                return SignInResult.Failed;
            }

            counter.Failures = 0;
            counter.LockedUntil = now + lockout.DefaultLockoutTimeSpan;
            return SignInResult.LockedOut;
        }
    }

    /// <summary>Spends the time a wrong password costs, whatever the password.</summary>
    public void CheckStandIn(string password) => hasher.VerifyHashedPassword(Nobody, standIn.Value, password);

    public void Dispose() => failures.Dispose();

    private sealed class Counter
    {
        public int Failures { get; set; }
        public DateTimeOffset LockedUntil { get; set; }
    }
}
