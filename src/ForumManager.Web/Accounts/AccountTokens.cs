using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace ForumManager.Web.Accounts;

/// <summary>Identity tokens travel in links Base64Url-encoded, as Identity UI does it.</summary>
internal static class AccountTokens
{
    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
