namespace ForumManager.Web.Infrastructure;

/// <summary>Telephone links from numbers as people write them ("+86 731 8444 2888"): a tel: URI allows no spaces.</summary>
public static class PhoneLinks
{
    /// <summary>The number's tel: URI: its leading plus and its digits, the rest (spaces, dashes, brackets) left out; null for no number.</summary>
    public static string? Href(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }

        var trimmed = phone.Trim();
        var digits = new string(trimmed.Where(char.IsAsciiDigit).ToArray());
        return "tel:" + (trimmed.StartsWith('+') ? "+" : string.Empty) + digits;
    }
}
