using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace ForumManager.Features.Agenda;

/// <summary>
/// The secret address of a delegate's own calendar feed: the delegate's id sealed with Data Protection, so the
/// address cannot be guessed or altered to read someone else's programme, and works from any calendar app without
/// signing in.
/// </summary>
public sealed class CalendarFeeds(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("ForumManager.CalendarFeed.v1");

    public string Token(int delegateId) => _protector.Protect(delegateId.ToString(CultureInfo.InvariantCulture));

    public int? DelegateId(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000)
        {
            return null;
        }

        try
        {
            return int.TryParse(_protector.Unprotect(token), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
