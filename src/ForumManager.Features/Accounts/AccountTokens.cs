using System.Text;
using System.Buffers.Text;

namespace ForumManager.Features.Accounts;

/// <summary>Identity tokens travel in links Base64Url-encoded, as Identity UI does it.</summary>
public static class AccountTokens
{
    public static string Encode(string token) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(token));

    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
